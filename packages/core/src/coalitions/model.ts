import type { Tenant } from '../community/model.ts';

/**
 * Communities that unite: several communities (any platform, any workspace or server) form a coalition
 * by invitation (a one-time code) and acceptance of each one's coordinator. The coalition has its own name
 * and shared story of us; it sees of each member only what is shared: the name, the seven stages' progress
 * and activity counts read from the member's settings item, never its stories of self, one-on-ones or
 * members' details.
 */

/** A member community, as the coalition knows it. */
export interface CoalitionMember {
  readonly tenant: Tenant;
  readonly communityId: string;
  /** The community's name when it joined (the board shows the current one, read from its settings). */
  readonly name: string;
  /** Who accepted for it (its coordinator or an admin), and when (ISO). */
  readonly joinedBy: string;
  readonly joinedAt: string;
}

export interface Coalition {
  readonly id: string;
  readonly name: string;
  /** The coalition's shared story of us: why these communities act together. */
  readonly story?: { readonly text: string; readonly by: string; readonly at: string };
  /** In the order they joined; the first is the community that formed it. */
  readonly members: readonly CoalitionMember[];
  /** The coalition's shared campaign: phases and goal shared by all, tasks and events each member's own. */
  readonly campaign?: SharedCampaign;
  readonly createdAt: string;
  /** Optimistic lock of the coalition item. */
  readonly version: number;
}

/** A phase of the shared campaign: its name and its days (inclusive local dates, from the saver's today). */
export interface SharedPhase {
  readonly name: string;
  readonly start: string;
  readonly end: string;
}

/** The campaign a coalition shares: each member runs it as a campaign of its own ("Run it here"). */
export interface SharedCampaign {
  readonly name: string;
  /** Measurable: what will be true by the end. */
  readonly goal: string;
  /** The last day (YYYY-MM-DD). */
  readonly endDate: string;
  readonly phases: readonly SharedPhase[];
  /** The coalition version this save made: each save a new revision, so a member's copy names the one it ran. */
  readonly revision: number;
  readonly by: string;
  readonly at: string;
}

/** How many communities one coalition holds (its board is one Query and one BatchGetItem). */
export const COALITION_MAX = 50;

/** What a community's settings item says of its coalition (declared with the community, which holds it). */
export type { CoalitionRef } from '../community/model.ts';

/** A one-time code, and what it lets its redeemer do: join a coalition, or link another place to a community. */
export type IssuedCode = CoalitionCode | LinkCode | PersonCode;

interface CodeBase {
  /** Who issued it, and from which community. */
  readonly issuedBy: { readonly tenant: Tenant; readonly communityId: string; readonly userId: string };
  /** ISO instant after which it is refused (15 minutes after issuing). */
  readonly expiresAt: string;
}

/** An invitation to a coalition. */
export interface CoalitionCode extends CodeBase {
  readonly purpose: 'coalition';
  /** The coalition the code invites to, and its name (so joining marks the member without reading the coalition). */
  readonly coalitionId: string;
  readonly coalitionName: string;
}

/** An invitation for another workspace or server to become a place of the issuing community (`link`). */
export interface LinkCode extends CodeBase {
  readonly purpose: 'link';
  /** The community's name, for the answers of the place that links. */
  readonly communityName: string;
}

/** A code a person gives themselves, to be known as one person on both platforms of a community in two places. */
export interface PersonCode extends CodeBase {
  readonly purpose: 'person';
}

/** How long a code lives. */
export const CODE_TTL_MS = 15 * 60_000;
/** Failed redemptions allowed per place (tenant and channel) in a window of CODE_TTL_MS. */
export const CODE_TRIES = 5;
