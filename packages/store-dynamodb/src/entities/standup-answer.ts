import type { StandupAnswer, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** Someone's answers to a run (`…#ANSWER#<date>.<id>#<user>`): they sort by date, so a report over a range is one Query. */
export const answersPrefix = (communityId: string) => `${communityPrefix(communityId)}ANSWER#`;
export const answerKey = (tenant: Tenant, communityId: string, runId: string, userId: string) => ({
  pk: tenantKey(tenant),
  sk: `${answersPrefix(communityId)}${runId}#${userId}`,
});

type Item = Record<string, unknown>;

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
