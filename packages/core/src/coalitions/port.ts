import type { Community, Tenant } from '../community/model.ts';
import type { Coalition, CoalitionMember, IssuedCode, SharedCampaign } from './model.ts';

/** Coalitions and their members; implemented by `store-dynamodb`. */
export interface CoalitionStore {
  /**
   * A new coalition with its first member, in one transaction: the coalition item, and the member's
   * settings item marked (`coalition` = id and name) on the condition that it is in no coalition yet.
   * 'busy' when the community is in a coalition already, 'missing' when it is gone.
   */
  create(coalition: Coalition): Promise<'created' | 'busy' | 'missing'>;
  get(id: string): Promise<Coalition | undefined>;
  /**
   * Adds a member without reading the coalition first (one transaction: the member appended to the
   * coalition item while it holds fewer than COALITION_MAX, its version bumped; the member's settings item
   * marked with `name` on the condition that it is in no coalition, which also keeps it from being listed
   * twice). 'busy': in a coalition already (this one or another); 'full'; 'missing': no such coalition.
   */
  join(id: string, member: CoalitionMember, name: string): Promise<'joined' | 'busy' | 'full' | 'missing'>;
  /** Removes a member at once (the coalition item on its version, the mark on the settings item removed). */
  leave(id: string, tenant: Tenant, communityId: string, version: number): Promise<'left' | 'conflict' | 'missing'>;
  /** Saves the coalition's shared story on its version. */
  saveStory(id: string, story: NonNullable<Coalition['story']>, version: number): Promise<'saved' | 'conflict'>;
  /** Saves the coalition's shared campaign on its version (that attribute only; the version goes up by one). */
  saveCampaign(id: string, campaign: SharedCampaign, version: number): Promise<'saved' | 'conflict'>;
  /**
   * The coalition and the settings of each member community, for the board: one GetItem (or Query) of the
   * coalition and one BatchGetItem of the members' settings items (up to COALITION_MAX keys). A member
   * whose community is gone is left out.
   */
  board(id: string): Promise<{ readonly coalition: Coalition; readonly communities: readonly Community[] } | undefined>;
}

/**
 * One-time codes (coalition invitations now; linking places and people later): issued with an expiry,
 * redeemed once, and failed tries counted per place so a code cannot be guessed.
 */
export interface CodeStore {
  /** Keeps a new code ('exists' when that code is taken: the caller draws another). */
  issue(code: string, issued: IssuedCode): Promise<'issued' | 'exists'>;
  /**
   * Uses a code up, once (a conditional delete): what it was issued for, or why not. 'unknown' for a code
   * that does not exist or was used, 'expired' for one past its time (deleted too), 'tooMany' when this place
   * failed CODE_TRIES times in the current window (nothing is looked up then). A failed try is counted.
   */
  redeem(
    code: string,
    place: { readonly tenant: Tenant; readonly channelId: string },
    now: Date,
  ): Promise<{ readonly kind: 'ok'; readonly issued: IssuedCode } | { readonly kind: 'unknown' | 'expired' | 'tooMany' }>;
}
