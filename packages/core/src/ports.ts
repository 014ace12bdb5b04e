import type { Community, StoryAnswers, Tenant } from './community.ts';
import type { CommunitySnapshot } from './facts.ts';
import type { Locale } from './i18n/translate.ts';

/** Which community a command acts on, given the channel it came from. */
export type CommunityLookup =
  | { readonly kind: 'found'; readonly snapshot: CommunitySnapshot }
  | { readonly kind: 'none' }
  /** The channel is not a home channel and the tenant has several communities. */
  | { readonly kind: 'elsewhere'; readonly homeChannelIds: readonly string[] };

/** Persistence of communities; implemented by `store-dynamodb`. */
export interface CommunityStore {
  /** Creates the community unless its channel already has one (a condition, never an overwrite). */
  create(community: Community): Promise<'created' | 'exists'>;
  /** The channel's community, else the tenant's only one: at most two reads. */
  lookup(tenant: Tenant, channelId: string): Promise<CommunityLookup>;
  /** Saves the story answers; 'missing' when the community was removed meanwhile. */
  saveStory(tenant: Tenant, communityId: string, story: StoryAnswers, at: string): Promise<'saved' | 'missing'>;
  setLocale(tenant: Tenant, communityId: string, locale: Locale, at: string): Promise<'saved' | 'missing'>;
}

/** Who sent a command and from where. */
export interface CommandContext {
  readonly tenant: Tenant;
  readonly channelId: string;
  readonly userId: string;
  /** The user's language as the platform reports it (Discord sends one; Slack does not). */
  readonly userLocale?: Locale;
  /** Workspace admin / Manage Server; may cost a platform call, so it is asked only when needed. */
  readonly isPlatformAdmin: () => Promise<boolean>;
}

/** What use cases need from the outside world. */
export interface CoreDeps {
  readonly store: CommunityStore;
  readonly defaultLocale: Locale;
  readonly now: () => Date;
}

/** A tenant's bot credentials for outbound platform calls. */
export interface Installation {
  readonly botToken: string;
  readonly botUserId?: string;
  readonly botId?: string;
}

/** Where outbound clients get their credentials, per tenant (never one global token). */
export interface Installations {
  forTenant(tenant: Tenant): Promise<Installation | undefined>;
}
