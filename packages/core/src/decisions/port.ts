import type { Tenant } from '../community/model.ts';
import type { Member } from '../members/model.ts';
import type { Ballot, Decision } from './model.ts';

export type VoteResult = 'saved' | 'same' | 'closed' | 'missing' | 'notMember';

/** What a vote's transaction checks or keeps besides the ballot. */
export interface VoteHow {
  /** The voter must have a member record (the community item does not name them): checked in the transaction. */
  readonly member?: boolean;
  /**
   * Options toggled by buttons: their choices are also kept on the decision item (so the next toggle reads
   * them with the decision), and the ballot is put whatever it held.
   */
  readonly toggled?: boolean;
}

/** Decisions and their ballots; implemented by `store-dynamodb`. */
export interface DecisionStore {
  /** A new decision (version 0); 'missing' when the community is gone. */
  create(tenant: Tenant, decision: Decision): Promise<'saved' | 'missing'>;
  get(tenant: Tenant, communityId: string, id: string): Promise<Decision | undefined>;
  /** The community's decisions, open and closed, newest first. */
  list(tenant: Tenant, communityId: string): Promise<Decision[]>;
  /** Saves a changed decision (its `version` one above the stored one); 'conflict' when it changed meanwhile. */
  save(tenant: Tenant, decision: Decision): Promise<'saved' | 'conflict'>;
  /**
   * Casts or replaces one person's ballot, only while the decision is open (one transaction: the decision
   * is checked open, the ballot put under the person's key, so a double click is one ballot). 'same' when
   * the person's ballot already says exactly this (values and reason: nothing is written), 'closed' when it
   * has closed, 'missing' when there is no such decision, 'notMember' when `how.member` asked for a member
   * record and there is none (checked in the same transaction, not read before it).
   */
  vote(tenant: Tenant, communityId: string, ballot: Ballot, how?: VoteHow): Promise<VoteResult>;
  /**
   * The decision as a vote reads it (one GetItem): with the voter's picks when it is voted by toggling
   * options (multi, time, opt-in), the options they have chosen so far.
   */
  forVote(
    tenant: Tenant,
    communityId: string,
    decisionId: string,
    userId: string,
  ): Promise<{ readonly decision?: Decision; readonly picks?: readonly number[] }>;
  /**
   * Every ballot of a decision that chooses something (one Query): a ballot emptied by untoggling its last
   * option is no ballot (not counted, not shown, and its voter is still reminded).
   */
  ballots(tenant: Tenant, communityId: string, decisionId: string): Promise<Ballot[]>;
  /**
   * What a vote reads, in one call (BatchGetItem, consistent): the decision, the person's ballot on it and
   * their member record, any of them absent.
   */
  voter(
    tenant: Tenant,
    communityId: string,
    decisionId: string,
    userId: string,
  ): Promise<{ readonly decision?: Decision; readonly ballot?: Ballot; readonly member?: Member }>;
  /** One person's ballot, if any. */
  ballot(tenant: Tenant, communityId: string, decisionId: string, userId: string): Promise<Ballot | undefined>;
  /**
   * Seals an open decision against new ballots (status `closing`, conditional on `open`): 'sealed' when it is
   * now closing (by this call or an earlier one that did not finish), 'closed' when it was closed already.
   */
  seal(tenant: Tenant, communityId: string, id: string): Promise<'sealed' | 'closed' | 'missing'>;
  /**
   * Closes a sealed decision with its outcome, exactly once (conditional on `closing`): 'closed' for the call
   * that closed it, 'already' when another did (a second tick, or a leader closing it by hand).
   */
  close(tenant: Tenant, decision: Decision): Promise<'closed' | 'already'>;
}
