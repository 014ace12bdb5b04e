import type { Tenant } from '../community/model.ts';
import type { CalendarDeps, FeedSource } from './port.ts';

/** Whose feed a link is: the community's, or (with `userId`) one person's in it. */
export interface FeedRef {
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly userId?: string;
}

/**
 * Tenant, channel and user ids are letters and digits on both platforms; anything else in a token is not
 * ours. Keeping tokens to letters, digits and dots also keeps a link whole in Slack's and Discord's markup.
 */
const ID = /^[A-Za-z0-9]{1,40}$/;
const PLATFORM = { s: 'slack', d: 'discord' } as const;

/** The ids a link names, dot-separated (what both signatures cover). */
export const named = (ref: FeedRef) =>
  [ref.tenant.platform === 'slack' ? 's' : 'd', ref.tenant.id, ref.communityId, ...(ref.userId ? [ref.userId] : [])].join('.');

/**
 * A token is the ids it names and two signatures: the first over the ids alone, checked before anything
 * is read (an altered token reads nothing), the second over the ids and the community's feed key, so a new
 * key (`calendar reset`) ends every link made before it.
 */
export async function feedToken(ref: FeedRef, key: string, signer: CalendarDeps['signer']): Promise<string> {
  const ids = named(ref);
  const [outer, inner] = await Promise.all([signer.sign(`calendar:ids:${ids}`), signer.sign(`calendar:key:${ids}:${key}`)]);
  return `${ids}.${outer.slice(0, 16)}${inner.slice(0, 32)}`;
}

/** Compares in time that does not depend on where the strings differ. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The ids a token names, if its first signature holds (no read made yet). */
export async function readToken(token: string, signer: CalendarDeps['signer']): Promise<{ ref: FeedRef; signature: string } | undefined> {
  const parts = token.split('.');
  if (parts.length < 4 || parts.length > 5) return undefined;
  const [platform, tenantId, communityId, ...rest] = parts as [string, string, string, ...string[]];
  const signature = rest.at(-1) ?? '';
  const userId = rest.length === 2 ? rest[0] : undefined;
  if (!(platform === 's' || platform === 'd') || !/^[0-9a-f]{48}$/.test(signature)) return undefined;
  if (![tenantId, communityId, ...(userId === undefined ? [] : [userId])].every((id) => ID.test(id))) return undefined;
  const ref: FeedRef = { tenant: { platform: PLATFORM[platform], id: tenantId }, communityId, ...(userId ? { userId } : {}) };
  const outer = await signer.sign(`calendar:ids:${named(ref)}`);
  return sameText(outer.slice(0, 16), signature.slice(0, 16)) ? { ref, signature } : undefined;
}

/** The second signature against the community's current key. */
export async function keyHolds(ref: FeedRef, signature: string, source: FeedSource, signer: CalendarDeps['signer']): Promise<boolean> {
  const inner = await signer.sign(`calendar:key:${named(ref)}:${source.key}`);
  return sameText(inner.slice(0, 32), signature.slice(16));
}

/** The feed's address. */
export const feedUrl = (token: string, signer: CalendarDeps['signer']) => `${signer.baseUrl()}/calendar/${token}.ics`;
