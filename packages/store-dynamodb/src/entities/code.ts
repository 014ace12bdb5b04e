import { CODE_TTL_MS, type IssuedCode, type Tenant } from '@organizer/core';
import { tenantKey } from '../keys.ts';

/**
 * A one-time code's item, its own partition (`CODE#<code>`): a code is redeemed from any tenant. The
 * table's TTL attribute `expiresAt` is in epoch seconds, so the code's own ISO expiry is `validUntil`.
 */
export interface CodeItem {
  pk: string;
  sk: 'CODE';
  entity: 'Code';
  purpose: IssuedCode['purpose'];
  coalitionId?: string;
  coalitionName?: string;
  communityName?: string;
  issuedBy: IssuedCode['issuedBy'];
  validUntil: string;
  /** Epoch seconds: DynamoDB may delete late or never, so `redeem` compares `validUntil` itself. */
  expiresAt: number;
}

export const codeKey = (code: string) => ({ pk: `CODE#${code}`, sk: 'CODE' as const });

export function toCodeItem(code: string, issued: IssuedCode): CodeItem {
  return {
    ...codeKey(code),
    entity: 'Code',
    purpose: issued.purpose,
    ...(issued.purpose === 'coalition' ? { coalitionId: issued.coalitionId, coalitionName: issued.coalitionName } : {}),
    ...(issued.purpose === 'link' ? { communityName: issued.communityName } : {}),
    issuedBy: { tenant: { ...issued.issuedBy.tenant }, communityId: issued.issuedBy.communityId, userId: issued.issuedBy.userId },
    validUntil: issued.expiresAt,
    expiresAt: Math.ceil(Date.parse(issued.expiresAt) / 1000),
  };
}

export function fromCodeItem(item: Record<string, unknown>): IssuedCode {
  const c = item as unknown as CodeItem;
  const base = { issuedBy: c.issuedBy, expiresAt: c.validUntil };
  if (c.purpose === 'link') return { purpose: 'link', communityName: c.communityName ?? '', ...base };
  if (c.purpose === 'person') return { purpose: 'person', ...base };
  return { purpose: 'coalition', coalitionId: c.coalitionId ?? '', coalitionName: c.coalitionName ?? '', ...base };
}

/** The window of CODE_TTL_MS that `now` falls in: failed tries are counted per place and window. */
export const triesWindow = (now: Date) => Math.floor(now.getTime() / CODE_TTL_MS);

/** A place's failed tries in one window, under its tenant (so erasing the tenant's data reaches them). */
export const triesKey = (place: { tenant: Tenant; channelId: string }, window: number) => ({
  pk: tenantKey(place.tenant),
  sk: `CODETRIES#${place.channelId}#${window}`,
});

/** Kept two windows ahead (TTL, epoch seconds): by then the window counts for nothing. */
export const triesExpiry = (window: number) => ((window + 2) * CODE_TTL_MS) / 1000;
