import type { Tenant } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { Member, MemberAct } from './model.ts';

/** Members' own settings (timezone, away); implemented by `store-dynamodb`. */
export interface MemberStore {
  members(tenant: Tenant, communityId: string): Promise<Member[]>;
  member(tenant: Tenant, communityId: string, userId: string): Promise<Member | undefined>;
  setTimezone(tenant: Tenant, communityId: string, userId: string, zone: string): Promise<void>;
  setAway(tenant: Tenant, communityId: string, userId: string, until: string | undefined): Promise<void>;
  /** Counts an act of each member (the ladder of engagement). */
  count(tenant: Tenant, communityId: string, userIds: readonly string[], act: MemberAct): Promise<void>;
  /** Marks a member welcomed; 'already' when they were (the claim that sends the welcome once). */
  welcome(tenant: Tenant, communityId: string, userId: string, at: string): Promise<'welcomed' | 'already'>;
}

/**
 * A person's own language, per tenant (not per community): the one they chose with `lang me`, and the
 * last one their platform reported (Discord's interaction `locale`; Slack's `users.info` locale), so
 * direct messages sent later by jobs can use it.
 */
export interface Profile {
  readonly userId: string;
  /** Chosen with `lang me ru`; absent to follow the platform. */
  readonly locale?: Locale;
  /** The platform's last report of their language. */
  readonly seenLocale?: Locale;
  /** When `seenLocale` was learned (ISO instant); a Slack one is asked again after a while. */
  readonly seenAt?: string;
  /** When they first opened the app's Home tab (Slack; ISO instant): only then is their Home redrawn after changes. */
  readonly homeAt?: string;
}

/** People's own settings across a tenant's communities; implemented by `store-dynamodb`. */
export interface ProfileStore {
  profile(tenant: Tenant, userId: string): Promise<Profile | undefined>;
  /** Profiles of several people (missing ones left out); one batched read per hundred. */
  profiles(tenant: Tenant, userIds: readonly string[]): Promise<Profile[]>;
  /** Sets (or with undefined clears) the language someone chose. */
  setLocale(tenant: Tenant, userId: string, locale: Locale | undefined): Promise<void>;
  /** Remembers the language the platform reported for someone. */
  rememberSeen(tenant: Tenant, userId: string, locale: Locale, at: string): Promise<void>;
  /**
   * The profile as this process read or wrote it within the last minute, without reading (undefined when it
   * has none so fresh): what a command already knows of its reader, at no cost.
   */
  known(tenant: Tenant, userId: string): Promise<Profile | undefined>;
  /** Remembers that someone opened the Home tab (the first time is kept; again changes nothing). */
  rememberHome(tenant: Tenant, userId: string, at: string): Promise<void>;
  /** Removes every profile of the tenant (its last community was erased); returns how many went. */
  erase(tenant: Tenant): Promise<number>;
}

/** What a platform's own profile says of a person (Slack `users.info` with `include_locale`). */
export interface PlatformProfile {
  readonly locale?: Locale;
  /** IANA zone, as the platform has it. */
  readonly timezone?: string;
}
