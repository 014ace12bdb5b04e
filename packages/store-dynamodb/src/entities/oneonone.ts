import type { OneOnOne, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A one-on-one (`…#ONEONONE#<logger>#<id>`): a logger's own conversations are one key range. */
export const oneOnOnesPrefix = (communityId: string, loggerId = '') =>
  `${communityPrefix(communityId)}ONEONONE#${loggerId ? `${loggerId}#` : ''}`;
export const oneOnOneKey = (tenant: Tenant, communityId: string, loggerId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${oneOnOnesPrefix(communityId, loggerId)}${id}`,
});

export function toOneOnOneItem(tenant: Tenant, o: OneOnOne): Record<string, unknown> {
  return {
    ...oneOnOneKey(tenant, o.communityId, o.loggerId, o.id),
    entity: 'OneOnOne',
    ...fromOneOnOneItem(o as unknown as Record<string, unknown>),
  };
}

export function fromOneOnOneItem(item: Record<string, unknown>): OneOnOne {
  const i = item as unknown as OneOnOne;
  return {
    id: i.id,
    communityId: i.communityId,
    loggerId: i.loggerId,
    partnerId: i.partnerId,
    date: i.date,
    values: [...(i.values ?? [])],
    notes: i.notes ?? '',
    mine: [...(i.mine ?? [])],
    theirs: [...(i.theirs ?? [])],
    ...(i.followUp ? { followUp: i.followUp } : {}),
    shared: i.shared === true,
    createdAt: i.createdAt,
  };
}
