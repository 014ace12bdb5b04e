import type { Tenant } from '../community/model.ts';
import type { Board } from './model.ts';

export type { Board } from './model.ts';

/** The board's record on the community's settings item; implemented by `store-dynamodb`. */
export interface BoardStore {
  /** Starts a board on a condition (the community has none): two `board` commands racing post once. */
  start(tenant: Tenant, communityId: string, board: Board): Promise<'started' | 'exists' | 'missing'>;
  /** Records the posted message of the board started at `since` (unless it was stopped or replaced meanwhile). */
  placed(tenant: Tenant, communityId: string, since: string, messageId: string): Promise<'saved' | 'gone'>;
  /** Forgets the board started at `since` (stopped, or its message deleted); 'gone' when it was not there. */
  forget(tenant: Tenant, communityId: string, since: string): Promise<'forgotten' | 'gone'>;
}
