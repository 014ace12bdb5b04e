import type { StandupAnswer, StandupRun, StandupSchedule, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * Stand-up items, all in their community's key range:
 * `…#STANDUP#<id>` (schedule; opted-in members as a string set), `…#RUN#<date>.<id>` (one day's run,
 * created under a condition: the claim), `…#ANSWER#<date>.<id>#<user>` (answers sort by date, so a
 * report over a range is one Query).
 */
export const scheduleKey = (tenant: Tenant, communityId: string, id: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}STANDUP#${id}`,
});
export const schedulesPrefix = (communityId: string) => `${communityPrefix(communityId)}STANDUP#`;
export const runKey = (tenant: Tenant, communityId: string, runId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}RUN#${runId}`,
});
export const answersPrefix = (communityId: string) => `${communityPrefix(communityId)}ANSWER#`;
export const answerKey = (tenant: Tenant, communityId: string, runId: string, userId: string) => ({
  pk: tenantKey(tenant),
  sk: `${answersPrefix(communityId)}${runId}#${userId}`,
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
    createdBy: i.createdBy,
    updatedAt: i.updatedAt,
  };
}

export function toRunItem(tenant: Tenant, run: StandupRun): Item {
  const { skipped, ...rest } = run;
  return {
    ...runKey(tenant, run.communityId, run.id),
    entity: 'StandupRun',
    ...rest,
    participants: [...run.participants],
    ...(skipped.length > 0 ? { skipped: new Set(skipped) } : {}),
  };
}

export function fromRunItem(item: Item): StandupRun {
  const i = item as unknown as StandupRun & { skipped?: Set<string> };
  return {
    id: i.id,
    scheduleId: i.scheduleId,
    communityId: i.communityId,
    date: i.date,
    name: i.name,
    questions: [...(i.questions ?? [])],
    locale: i.locale,
    channelId: i.channelId,
    ...(i.messageId ? { messageId: i.messageId } : {}),
    participants: [...(i.participants ?? [])],
    skipped: [...(i.skipped ?? [])].sort(),
    postedAt: i.postedAt,
  };
}

export function toAnswerItem(tenant: Tenant, a: StandupAnswer): Item {
  return {
    ...answerKey(tenant, a.communityId, a.runId, a.userId),
    entity: 'StandupAnswer',
    ...a,
    questions: [...a.questions],
    answers: [...a.answers],
  };
}

export function fromAnswerItem(item: Item): StandupAnswer {
  const i = item as unknown as StandupAnswer;
  return {
    runId: i.runId,
    name: i.name,
    questions: [...(i.questions ?? [])],
    communityId: i.communityId,
    userId: i.userId,
    answers: [...i.answers],
    ...(i.channelId ? { channelId: i.channelId } : {}),
    ...(i.messageId ? { messageId: i.messageId } : {}),
    at: i.at,
  };
}
