/** An offer of a role, made by a leader and waiting for the person's consent (7 days). */
export interface Offer {
  readonly id: string;
  readonly communityId: string;
  readonly roleId: string;
  readonly roleName: string;
  readonly userId: string;
  readonly asLead: boolean;
  readonly offeredBy: string;
  readonly offeredAt: string;
  /** Epoch seconds; the offer lapses then (reads check it: TTL deletion is late). */
  readonly expiresAt: number;
}

export const OFFER_DAYS = 7;

/**
 * The offer's id: the same person offered the same place in the same role gets the same id, so two
 * leaders offering it at once make one offer. FNV-1a, 64 bits, base 36: short enough for button ids.
 */
export function offerId(roleId: string, userId: string, asLead: boolean): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of `${roleId}|${userId}|${asLead ? 'lead' : 'member'}`) {
    hash ^= BigInt(char.codePointAt(0) ?? 0);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(36);
}
