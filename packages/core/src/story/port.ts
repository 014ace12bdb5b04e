import type { Tenant } from '../community/model.ts';
import type { SaveResult } from '../community/port.ts';
import type { StoryHead, StoryShare, StoryVersion, VersionKind } from './model.ts';

/** Stories and their versions; implemented by `store-dynamodb`. */
export interface StoryStore {
  /** A member's story of self (latest version), or undefined. */
  selfStory(tenant: Tenant, communityId: string, memberId: string): Promise<StoryHead | undefined>;
  /** Saves a story as its next version (us and now on the community, self on the member's head). */
  saveStory(tenant: Tenant, communityId: string, story: StoryHead): Promise<SaveResult>;
  /** Versions, newest first. */
  versions(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, limit: number): Promise<StoryVersion[]>;
  version(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, version: number): Promise<StoryVersion | undefined>;
  /** Records where the story was shared, so reflections and retellings go to its thread. */
  markShared(tenant: Tenant, communityId: string, head: StoryHead, share: StoryShare): Promise<'saved' | 'missing'>;
  /** Removes a member's story of self with all its versions; returns how many versions were removed. */
  deleteSelf(tenant: Tenant, communityId: string, memberId: string): Promise<number>;
}
