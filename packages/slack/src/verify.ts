import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack rejects replays older than five minutes; so do we (either direction, for clock skew). */
export const MAX_AGE_SECONDS = 5 * 60;

export type SlackVerification = 'ok' | 'invalid' | 'stale';

/**
 * Checks Slack's `v0` signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret,
 * compared in constant time. Pure: the caller passes the clock.
 */
export function verifySlackSignature(
  signingSecret: string | undefined,
  signature: string | null | undefined,
  timestamp: string | null | undefined,
  rawBody: string,
  nowSeconds: number,
): SlackVerification {
  if (!signingSecret || !signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'invalid';
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_AGE_SECONDS) return 'stale';
  const expected = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b) ? 'ok' : 'invalid';
}

/** Signs a body the way Slack does; used by tests and local tools to send real requests. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}
