import type { Tenant } from '../community/model.ts';

/** Where a community's living board sits: its channel, its message once posted, and who put it up when. */
export interface Board {
  readonly channelId: string;
  /** Set once the worker posted it (Slack `ts`, Discord message id). */
  readonly messageId?: string;
  /** When a leader asked for it: names this board, so a job for an older one changes nothing. */
  readonly since: string;
  readonly by: string;
}

/** The board's record on the community's settings item; implemented by `store-dynamodb`. */
export interface BoardStore {
  /** Starts a board on a condition (the community has none): two `board` commands racing post once. */
  start(tenant: Tenant, communityId: string, board: Board): Promise<'started' | 'exists' | 'missing'>;
  /** Records the posted message of the board started at `since` (unless it was stopped or replaced meanwhile). */
  placed(tenant: Tenant, communityId: string, since: string, messageId: string): Promise<'saved' | 'gone'>;
  /** Forgets the board started at `since` (stopped, or its message deleted); 'gone' when it was not there. */
  forget(tenant: Tenant, communityId: string, since: string): Promise<'forgotten' | 'gone'>;
}
