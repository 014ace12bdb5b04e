import type { Member, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A member's own settings in a community (`…#MEMBER#<user>`): timezone and away-until. */
export const membersPrefix = (communityId: string) => `${communityPrefix(communityId)}MEMBER#`;
export const memberKey = (tenant: Tenant, communityId: string, userId: string) => ({
  pk: tenantKey(tenant),
  sk: `${membersPrefix(communityId)}${userId}`,
});

export function fromMemberItem(item: Record<string, unknown>): Member {
  const i = item as unknown as Member;
  return {
    userId: i.userId,
    ...(i.timezone ? { timezone: i.timezone } : {}),
    ...(i.awayUntil ? { awayUntil: i.awayUntil } : {}),
  };
}
