import type { StandupSchedule, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A stand-up's schedule (`…#STANDUP#<id>`); opted-in members are a string set. */
export const scheduleKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}STANDUP#${id}`,
});
export const schedulesPrefix = (communityId: string) => `${communityPrefix(communityId)}STANDUP#`;
export const runKey = (tenant: Tenant, communityId: string, runId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}RUN#${runId}`,
});

type Item = Record<string, unknown>;

export function toScheduleItem(tenant: Tenant, s: StandupSchedule): Item {
  const { members, ...rest } = s;
  return {
    ...scheduleKey(tenant, s.communityId, s.id),
    entity: 'StandupSchedule',
    ...rest,
    days: [...s.days],
    questions: [...s.questions],
    // DynamoDB has no empty sets: the attribute is absent until someone joins.
    ...(members.length > 0 ? { members: new Set(members) } : {}),
  };
}

export function fromScheduleItem(item: Item): StandupSchedule {
  const i = item as unknown as StandupSchedule & { members?: Set<string> };
  return {
    id: i.id,
    communityId: i.communityId,
    name: i.name,
    channelId: i.channelId,
    days: [...i.days],
    time: i.time,
    zone: i.zone,
    questions: [...i.questions],
    participants: i.participants,
    delivery: i.delivery,
    windowMinutes: i.windowMinutes,
    members: [...(i.members ?? [])].sort(),
    ...(i.nudge === false ? { nudge: false } : {}),
    createdBy: i.createdBy,
    updatedAt: i.updatedAt,
  };
}
