import type { Tenant } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';

/** What a feed needs of its community: its name, its language and the key its links are signed with. */
export interface FeedSource {
  readonly name: string;
  readonly locale?: Locale;
  readonly key: string;
}

/**
 * Each community's calendar feed key (random, in the community's partition, so erase removes it); implemented
 * by `store-dynamodb`. The key is part of what every feed link signs: a new key ends every old link.
 */
export interface CalendarStore {
  /** The community's feed key, if it has one. */
  feedKey(tenant: Tenant, communityId: string): Promise<string | undefined>;
  /** Sets the first key unless one exists ('exists': read it again, someone made it meanwhile). */
  createFeedKey(tenant: Tenant, communityId: string, key: string, at: string): Promise<'saved' | 'exists'>;
  /** Replaces the key if it is still `previous` ('conflict' when another reset came first). */
  resetFeedKey(tenant: Tenant, communityId: string, key: string, previous: string, at: string): Promise<'saved' | 'conflict'>;
  /** The community's name, language and feed key in one read; undefined when either is gone (an erased community). */
  feedSource(tenant: Tenant, communityId: string): Promise<FeedSource | undefined>;
}

/** Signs feed links; the deployment keeps the secret (`CALENDAR_SECRET`) and knows where browsers reach it. */
export interface FeedSigner {
  /** HMAC-SHA256 of `message`, as lower-case hex. */
  sign(message: string): Promise<string>;
  /** Where feeds are served (`https://…`, no trailing slash). */
  baseUrl(): string;
}

/** The calendar feature's ports, present when the deployment can sign feed links. */
export interface CalendarDeps {
  readonly store: CalendarStore;
  readonly signer: FeedSigner;
}
