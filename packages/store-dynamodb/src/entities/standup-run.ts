import type { StandupRun, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/**
 * One day's run (`…#RUN#<date>.<id>`), created once under a condition. `status` is 'pending' until its
 * message is posted ('posted', with `messageId`); `postingUntil` is the lease of the attempt posting it,
 * so a failed post is retried and two attempts never post twice.
 */
export const runKey = (tenant: Tenant, communityId: string, runId: string) => ({
  pk: tenantKey(tenant),
  sk: `${communityPrefix(communityId)}RUN#${runId}`,
});

type Item = Record<string, unknown>;

export function toRunItem(tenant: Tenant, run: StandupRun): Item {
  const { skipped, ...rest } = run;
  return {
    ...runKey(tenant, run.communityId, run.id),
    entity: 'StandupRun',
    ...rest,
    status: run.messageId ? 'posted' : 'pending',
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
