import type { Adoption } from '../campaigns/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { PlaceLink } from '../links/model.ts';
import type { StageId } from '../status/stages.ts';
import type { StoryVersion } from '../story/model.ts';
import type { CommunitySnapshot } from './facts.ts';
import type { Activity, Community, StageMark, StoryAnswers, Strategy, Tenant } from './model.ts';

/** Which community a command acts on, given the channel it came from. */
export type CommunityLookup =
  | { readonly kind: 'found'; readonly snapshot: CommunitySnapshot }
  | { readonly kind: 'none' }
  /** The channel is not a home channel and the tenant has several communities. */
  | { readonly kind: 'elsewhere'; readonly homeChannelIds: readonly string[] }
  /** The tenant has no community of its own: it is a place of a community elsewhere (`link`). */
  | { readonly kind: 'linked'; readonly link: PlaceLink };

/** Persistence of communities; implemented by `store-dynamodb`. */
export interface CommunityStore {
  /** Creates the community unless its channel already has one (a condition, never an overwrite). */
  create(community: Community): Promise<'created' | 'exists'>;
  /** The channel's community, else the tenant's only one: at most two reads. */
  lookup(tenant: Tenant, channelId: string): Promise<CommunityLookup>;
  /**
   * Saves the four questions and vision as `version` (the next one), keeping the old version.
   * 'conflict' when someone saved meanwhile, 'missing' when the community was removed.
   */
  saveAnswers(tenant: Tenant, communityId: string, answers: StoryAnswers, version: StoryVersion): Promise<SaveResult>;
  /** Saves the strategy as `version` (the next one), keeping the old version; like `saveAnswers`. */
  saveStrategy(tenant: Tenant, communityId: string, strategy: Strategy, version: StoryVersion): Promise<SaveResult>;
  /**
   * Records that the community adopted strategy `adoption.version` by a decision (on the settings item and that
   * version's item): 'unchanged' when this decision (or a later version's) is recorded already.
   */
  adoptStrategy(tenant: Tenant, communityId: string, adoption: Adoption & { version: number }): Promise<'saved' | 'unchanged' | 'missing'>;
  setSelfStoriesNeeded(tenant: Tenant, communityId: string, needed: number, at: string): Promise<'saved' | 'missing'>;
  setLocale(tenant: Tenant, communityId: string, locale: Locale, at: string): Promise<'saved' | 'missing'>;
  setTimezone(tenant: Tenant, communityId: string, zone: string, at: string): Promise<'saved' | 'missing'>;
  /** The ladder's rung names (stage 5). */
  setLadder(tenant: Tenant, communityId: string, rungs: readonly string[], at: string): Promise<'saved' | 'missing'>;
  setOneOnOneTarget(tenant: Tenant, communityId: string, target: number, at: string): Promise<'saved' | 'missing'>;
  /** Turns keeping its events as the Discord server's own events on (who, when) or off (undefined). */
  setServerEvents(tenant: Tenant, communityId: string, on: Community['serverEvents'], at: string): Promise<'saved' | 'missing'>;
  /**
   * Marks a stage done (`mark`) or takes the mark back (undefined), on a condition: 'unchanged' when it
   * already was (marked, or not marked), 'missing' when the community was removed.
   */
  markStage(
    tenant: Tenant,
    communityId: string,
    stage: StageId,
    mark: StageMark | undefined,
    at: string,
  ): Promise<'saved' | 'unchanged' | 'missing'>;
  /** Counts an act on the community (welcomed newcomers). */
  countActivity(tenant: Tenant, communityId: string, what: keyof Activity, by: number): Promise<void>;
  /** Adds a holiday (a local day with no stand-ups). */
  addHoliday(tenant: Tenant, communityId: string, date: string, at: string): Promise<'saved' | 'missing'>;
  /** Deletes everything the community holds, the community itself last; returns how many records went. */
  erase(tenant: Tenant, communityId: string): Promise<number>;
}

export type SaveResult = 'saved' | 'conflict' | 'missing';
