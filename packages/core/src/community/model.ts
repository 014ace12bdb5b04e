import type { Board } from '../board/model.ts';
import type { Adoption, Campaign } from '../campaigns/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { Role } from '../roles/model.ts';
import type { StageId } from '../status/stages.ts';
import type { StoryHead } from '../story/model.ts';

/**
 * What a community's settings item says of its coalition (so `status` names it without another read).
 * Declared here, not in coalitions/model.ts, which imports `Tenant` from this file: the two would import each other.
 */
export interface CoalitionRef {
  readonly id: string;
  readonly name: string;
}

/** A Slack workspace or Discord guild. Every stored key starts with it, so tenants never meet. */
export interface Tenant {
  readonly platform: 'slack' | 'discord';
  readonly id: string;
}

/** The four questions of stage 1 and the one-line vision. */
export interface StoryAnswers {
  goal?: string;
  who?: string;
  how?: string;
  when?: string;
  vision?: string;
}

/** Stage 4 in the method's terms: what will be different and by how much, how change happens, the tactics, by when. */
export interface Strategy {
  goal?: string;
  change?: string;
  tactics?: string;
  timeline?: string;
}

export const strategyFields = ['goal', 'change', 'tactics', 'timeline'] as const;
export type StrategyField = (typeof strategyFields)[number];

/** Counts of what a community did, kept on its settings item (each written with the act itself) so `status` stays one read. */
export interface Activity {
  readonly campaigns: number;
  readonly events: number;
  readonly acceptedTasks: number;
  readonly debriefs: number;
  readonly nextSteps: number;
  readonly celebrations: number;
  readonly oneOnOnes: number;
  /** Values named in one-on-ones (each mention counts). */
  readonly values: number;
  readonly welcomed: number;
}

export const noActivity: Activity = {
  campaigns: 0,
  events: 0,
  acceptedTasks: 0,
  debriefs: 0,
  nextSteps: 0,
  celebrations: 0,
  oneOnOnes: 0,
  values: 0,
  welcomed: 0,
};

/** A leader's explicit "this stage is done": who marked it, when, and the reason they gave. */
export interface StageMark {
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
}

/** A community, bound to its home channel. Its id is the home channel's id. */
export interface Community {
  readonly tenant: Tenant;
  readonly id: string;
  readonly homeChannelId: string;
  readonly name: string;
  readonly goal?: string;
  readonly coordinatorId: string;
  /** The language of what the community sees (channel posts, cards, summaries); set at setup from the coordinator's. */
  readonly locale?: Locale;
  /** IANA timezone for due dates and stand-ups (asked at setup; default UTC). */
  readonly timezone?: string;
  readonly story: StoryAnswers;
  /** Version of the four questions and vision (0 before the first save). */
  readonly storyVersion: number;
  /** The latest story of us and story of now. */
  readonly stories: { readonly us?: StoryHead; readonly now?: StoryHead };
  /** Members who wrote a story of self (the ids only: the stories stay private to them). */
  readonly selfAuthors: readonly string[];
  /** How many members' stories of self stage 1 asks for (set by the coordinator, default 1). */
  readonly selfStoriesNeeded: number;
  /** The leadership team, in the order roles were added. A handful, so they live with the settings. */
  readonly roles: readonly Role[];
  /** Stages a leader marked done, by stage: who, when and why (shown by `status`; the checklist still counts). */
  readonly stageMarks?: Readonly<Partial<Record<StageId, StageMark>>>;
  readonly strategy: Strategy;
  /** Version of the strategy (0 before the first save); every save keeps the old one. */
  readonly strategyVersion: number;
  /** Who saved the current strategy version (absent on strategies saved before it was kept). */
  readonly strategyBy?: string;
  /** The strategy version the community adopted by a decision, and that decision (status compares the version). */
  readonly strategyAdopted?: Adoption & { readonly version: number };
  readonly activity: Activity;
  /** One-on-ones stage 2 asks for (set by the coordinator, default 5). */
  readonly oneOnOneTarget: number;
  /** The ladder's rung names once a leader defined them (stage 5); the method's defaults until then. */
  readonly ladder?: readonly string[];
  /** The latest campaign's arc, kept with the settings so `status` can follow its current phase. */
  readonly campaign?: Pick<Campaign, 'id' | 'name' | 'endDate' | 'phases' | 'adopted'>;
  /** Local days (YYYY-MM-DD) when no stand-up runs. */
  readonly holidays: readonly string[];
  /** The coalition this community belongs to (at most one), named here so `status` needs no other read. */
  readonly coalition?: CoalitionRef;
  /** Messages the outbox gave up on after all its attempts (leaders see the count in `status`). */
  readonly undelivered?: number;
  /** Discord: its events are also kept as the server's own events (Events tab), since a leader turned it on. */
  readonly serverEvents?: { readonly by: string; readonly at: string };
  /** The living board in the channel, once a leader put it up (`board`): redrawn in place as progress changes. */
  readonly board?: Board;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Limits on what people type; the platforms' own input limits are larger. */
export const limits = {
  name: 80,
  goal: 500,
  answer: 1000,
  vision: 200,
  /** One prompt of a story: Slack's plain_text_input maximum (Discord allows 4000). */
  storyPart: 3000,
  reflection: 1000,
  selfStoriesNeeded: 100,
} as const;

/** The story fields, in the order the method asks them. */
export const storyFields = ['goal', 'who', 'how', 'when', 'vision'] as const;
export type StoryField = (typeof storyFields)[number];

/** A new community as `setup` creates it: nothing told yet, one story of self asked for. */
export function newCommunity(
  fields: Pick<Community, 'tenant' | 'id' | 'name' | 'coordinatorId' | 'createdAt'> &
    Partial<Pick<Community, 'locale' | 'timezone'>> & { goal?: string },
): Community {
  return {
    ...fields,
    homeChannelId: fields.id,
    story: fields.goal ? { goal: fields.goal } : {},
    storyVersion: 0,
    stories: {},
    selfAuthors: [],
    selfStoriesNeeded: 1,
    roles: [],
    holidays: [],
    strategy: {},
    strategyVersion: 0,
    activity: noActivity,
    oneOnOneTarget: 5,
    updatedAt: fields.createdAt,
  };
}

/** The community's timezone (UTC until one is set). */
export const communityZone = (community: Pick<Community, 'timezone'>): string => community.timezone ?? 'UTC';
