import type { StoryHead, StoryShare, StoryVersion, Tenant, VersionKind } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * A story version (`…#STORY#<kind>#<owner>#V#000002`), never overwritten; and, for a story of self,
 * its head (`…#SELF#<member>`) with the latest version and where it was shared. The heads of us and now
 * live on the community's settings item, which `status` reads.
 */
export interface StoryVersionItem extends StoryVersion {
  pk: string;
  sk: string;
  entity: 'StoryVersion';
}

export interface SelfStoryHeadItem extends StoryHead {
  pk: string;
  sk: string;
  entity: 'SelfStory';
}

const pad = (version: number) => String(version).padStart(6, '0');

/** Sort-key prefix of all versions of one story; versions sort by number. */
export const storyVersionsPrefix = (communityId: string, kind: VersionKind, owner: string) =>
  `${communityPrefix(communityId)}STORY#${kind}#${owner}#V#`;

export const storyVersionKey = (tenant: Tenant, communityId: string, kind: VersionKind, owner: string, version: number) => ({
  pk: tenantKey(tenant),
  sk: `${storyVersionsPrefix(communityId, kind, owner)}${pad(version)}`,
});

export const selfStoryKey = (tenant: Tenant, communityId: string, memberId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}SELF#${memberId}`,
});

export function toStoryVersionItem(tenant: Tenant, communityId: string, v: StoryVersion): StoryVersionItem {
  return { ...storyVersionKey(tenant, communityId, v.kind, v.owner, v.version), entity: 'StoryVersion', ...versionFields(v) };
}

/** The domain fields of a version, without keys or share. */
export function versionFields(item: StoryVersion): StoryVersion {
  return {
    kind: item.kind,
    owner: item.owner,
    version: item.version,
    parts: item.parts,
    authorId: item.authorId,
    createdAt: item.createdAt,
  };
}

export function toSelfStoryHeadItem(tenant: Tenant, communityId: string, head: StoryHead): SelfStoryHeadItem {
  return { ...selfStoryKey(tenant, communityId, head.owner), entity: 'SelfStory', ...fromHeadItem(head) };
}

/** The domain fields of a head, without keys. */
export function fromHeadItem(item: StoryHead & { share?: StoryShare }): StoryHead {
  return { ...versionFields(item), kind: item.kind, ...(item.share ? { share: item.share } : {}) };
}
