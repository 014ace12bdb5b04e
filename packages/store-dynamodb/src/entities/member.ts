import { type Member, type MemberAct, memberActs, type Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A member's own settings in a community (`…#MEMBER#<user>`): timezone and away-until. */
export const membersPrefix = (communityId: string) => `${communityPrefix(communityId)}MEMBER#`;
export const memberKey = (tenant: Tenant, communityId: string, userId: string) => ({
  pk: tenantKey(tenant),
  sk: `${membersPrefix(communityId)}${userId}`,
});

/** The attribute counting an act (top level: ADD cannot create a nested map). */
const actAttribute = (act: MemberAct) => `act_${act}`;

export function fromMemberItem(item: Record<string, unknown>): Member {
  const i = item as unknown as Member & Record<string, unknown>;
  const acts = Object.fromEntries(
    memberActs.flatMap((act) => (typeof i[actAttribute(act)] === 'number' ? [[act, i[actAttribute(act)]]] : [])),
  );
  return {
    userId: i.userId,
    ...(i.timezone ? { timezone: i.timezone } : {}),
    ...(i.awayUntil ? { awayUntil: i.awayUntil } : {}),
    ...(Object.keys(acts).length > 0 ? { acts } : {}),
    ...(i.welcomedAt ? { welcomedAt: i.welcomedAt } : {}),
  };
}

/** A transaction item counting an act of a member (creating their item on first use). */
export function countMemberAct(tableName: string, tenant: Tenant, communityId: string, userId: string, act: MemberAct, by = 1) {
  return {
    Update: {
      TableName: tableName,
      Key: memberKey(tenant, communityId, userId),
      UpdateExpression: 'SET userId = :user, entity = :entity ADD #act :by',
      ExpressionAttributeNames: { '#act': actAttribute(act) },
      ExpressionAttributeValues: { ':user': userId, ':entity': 'Member', ':by': by },
    },
  };
}
