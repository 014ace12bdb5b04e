/**
 * Deciding together: proposals (consent and its relatives) and polls of every useful kind share one
 * shape, a `Decision`, and one ballot per person (`Ballot`, its own item, so votes never race each other).
 */

/** What is being decided and how a ballot reads. */
export type DecisionKind =
  /** Agree · Abstain · Disagree · Block, a reason each (required for Disagree and Block); passes by `rule`. */
  | 'proposal'
  /** Questions and concerns before a proposal: Looks good · Not sure · Concerned, with a reason. */
  | 'sense'
  /** One choice among the options. */
  | 'simple'
  /** Any number of the options. */
  | 'multi'
  /** Candidate times (options are epoch seconds as text); each voter picks every slot they can make. */
  | 'time'
  /** One option ("I'm in"): who volunteers. */
  | 'optin'
  /** A score 0–5 for each option. */
  | 'score'
  /** A budget of points (`budget`) spread over the options. */
  | 'dot'
  /** The options in order of preference; counted by instant runoff. */
  | 'ranked';

/** A proposal's positions, in the order its buttons show them (a ballot's `values[0]` is the index). */
export const positions = ['agree', 'abstain', 'disagree', 'block'] as const;
export type Position = (typeof positions)[number];
/** A sense check's answers, in button order. */
export const senses = ['good', 'unsure', 'concerned'] as const;
export type Sense = (typeof senses)[number];

/**
 * When a proposal passes. `consent`: nobody blocks (and more agree than disagree); `unanimous`: everyone
 * who took part agrees (abstentions aside); `share`: at least `share` percent of those taking part agree.
 */
export type PassRule = 'consent' | 'unanimous' | 'share';

/** Who may vote: everyone in the community, its leaders (coordinator and role leads), or one role's people. */
export type Electorate = { readonly kind: 'everyone' } | { readonly kind: 'leaders' } | { readonly kind: 'role'; readonly role: string };

/** What a decision is about, when a stage put it forward (its adoption is recorded there at closing). */
export type Subject =
  | { readonly kind: 'strategy'; readonly version: number }
  | { readonly kind: 'campaign'; readonly campaignId: string }
  /** A debrief's next steps, put to a dot vote. */
  | { readonly kind: 'debrief'; readonly campaignId: string };

/** The result at closing, kept on the decision (results never change after it). */
export interface Outcome {
  /** Proposals: whether it passed by its rule. Polls: undefined. */
  readonly passed?: boolean;
  /** Option indexes that won (ties keep all), in option order; proposals: empty. */
  readonly winners: readonly number[];
  /** Ballots counted. */
  readonly ballots: number;
  /** People who could vote when it closed. */
  readonly eligible: number;
  /** Per option (proposals: per position; sense: per answer): the count, total score or points. */
  readonly totals: readonly number[];
  /** Ranked choice: each round's counts per option (eliminated options 0), for the record. */
  readonly rounds?: readonly (readonly number[])[];
}

export interface Decision {
  readonly id: string;
  readonly communityId: string;
  readonly kind: DecisionKind;
  /** The proposal's title or the poll's question. */
  readonly title: string;
  /** Proposals: what we would agree to. */
  readonly body?: string;
  /** Proposals: why. */
  readonly why?: string;
  /** Polls: the options as written (time polls: epoch seconds as text); proposals and sense checks: none. */
  readonly options: readonly string[];
  readonly rule?: PassRule;
  /** `share` rule: the percent of those taking part who must agree (1–100). */
  readonly share?: number;
  readonly electorate: Electorate;
  /** Results only as counts; who voted is kept (one vote each) but never shown nor exported. */
  readonly anonymous: boolean;
  /** Dot votes: the points each voter spreads. */
  readonly budget?: number;
  readonly subject?: Subject;
  /** The id of an earlier decision this one reopens. */
  readonly reopens?: string;
  /** Set on an earlier decision when a new proposal reopens it. */
  readonly reopenedBy?: string;
  readonly authorId: string;
  /** Where its card is (the community's home channel or where it was proposed), and the card once posted. */
  readonly channelId: string;
  readonly messageId?: string;
  /** ISO instants. */
  readonly createdAt: string;
  readonly closesAt: string;
  /** `closing`: sealed against new ballots while the outcome is counted (a crashed close is finished by the next tick). */
  readonly status: 'open' | 'closing' | 'closed';
  readonly closedAt?: string;
  readonly outcome?: Outcome;
  /** The outcome statement the author (or a leader) wrote after closing. */
  readonly statement?: string;
  readonly statementBy?: string;
  /** A closed time poll's winning slot made into this event (once). */
  readonly eventId?: string;
  /** When the day-before reminder went out (once). */
  readonly remindedAt?: string;
  /** Optimistic lock for edits of the decision item (ballots are separate items). */
  readonly version: number;
}

/**
 * One person's ballot on one decision; a new one replaces theirs while the decision is open.
 * `values` by kind — proposal/sense: [index of position]; simple: [option]; multi/time/optin: the chosen
 * options; score: a score per option (0–5); dot: points per option; ranked: option indexes, first choice first.
 */
export interface Ballot {
  readonly decisionId: string;
  readonly userId: string;
  readonly values: readonly number[];
  readonly reason?: string;
  /** ISO instant it was cast (or last changed). */
  readonly at: string;
}

/** Kinds whose ballot is several numbers typed in a modal (a field per option, so at most 5 options). */
export const modalKinds: readonly DecisionKind[] = ['score', 'dot', 'ranked'];
/** Most options a poll can have: 5 where each needs a modal field (Discord's limit), else 10 buttons. */
export const maxOptions = (kind: DecisionKind): number => (modalKinds.includes(kind) ? 5 : kind === 'optin' ? 1 : 10);
