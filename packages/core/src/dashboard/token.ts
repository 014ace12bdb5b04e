import type { FeedSigner, FeedSource } from '../calendar/port.ts';
import { type FeedRef, named, sameText } from '../calendar/token.ts';
import type { Tenant } from '../community/model.ts';

/** How long a dashboard link works: a day, long enough for a meeting, short enough that a forwarded link dies. */
export const DASHBOARD_TTL_SECONDS = 24 * 60 * 60;

const ID = /^[A-Za-z0-9]{1,40}$/;
const PLATFORM = { s: 'slack', d: 'discord' } as const;

/** The community a dashboard link shows and the instant (epoch seconds) it stops working. */
export interface DashboardRef {
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly expiresAt: number;
}

/** What both signatures cover: the ids and the expiry, under the dashboard's own prefix (never a calendar token). */
const signed = (ref: DashboardRef) => `${named({ tenant: ref.tenant, communityId: ref.communityId } satisfies FeedRef)}.${ref.expiresAt}`;

/**
 * A dashboard token, signed as calendar feed links are (the same signer, the same per-community key): the
 * first signature over the ids and expiry alone, checked before anything is read, the second over them and
 * the community's feed key, so `calendar reset` ends every dashboard link too.
 */
export async function dashboardToken(ref: DashboardRef, key: string, signer: FeedSigner): Promise<string> {
  const text = signed(ref);
  const [outer, inner] = await Promise.all([signer.sign(`dashboard:ids:${text}`), signer.sign(`dashboard:key:${text}:${key}`)]);
  return `${text}.${outer.slice(0, 16)}${inner.slice(0, 32)}`;
}

/** The ref a token names, if its first signature holds (no read made yet); undefined for any altered byte. */
export async function readDashboardToken(token: string, signer: FeedSigner): Promise<{ ref: DashboardRef; signature: string } | undefined> {
  const parts = token.split('.');
  if (parts.length !== 5) return undefined;
  const [platform, tenantId, communityId, expires, signature] = parts as [string, string, string, string, string];
  if (!(platform === 's' || platform === 'd') || !/^[0-9a-f]{48}$/.test(signature) || !/^[1-9]\d{8,11}$/.test(expires)) return undefined;
  if (!ID.test(tenantId) || !ID.test(communityId)) return undefined;
  const ref: DashboardRef = { tenant: { platform: PLATFORM[platform], id: tenantId }, communityId, expiresAt: Number(expires) };
  const outer = await signer.sign(`dashboard:ids:${signed(ref)}`);
  return sameText(outer.slice(0, 16), signature.slice(0, 16)) ? { ref, signature } : undefined;
}

/** The second signature against the community's current key: false once a leader reset the links. */
export async function dashboardKeyHolds(ref: DashboardRef, signature: string, source: FeedSource, signer: FeedSigner): Promise<boolean> {
  const inner = await signer.sign(`dashboard:key:${signed(ref)}:${source.key}`);
  return sameText(inner.slice(0, 32), signature.slice(16));
}

/** The page's address. */
export const dashboardUrl = (token: string, signer: FeedSigner) => `${signer.baseUrl()}/dashboard/${token}`;
