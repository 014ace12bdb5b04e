import type { Deferred, DueItem, DueStore, Job } from '@organizer/core';
import { batches } from './deferred.ts';

/**
 * Due items one tick hands over at most. The read is oldest first, so after a long outage the backlog
 * drains over the next ticks in time order (16,000 a minute, under a million items an hour); one
 * minute's worth of the busiest day we plan for (10,000 stand-up prompts, 1,000 items) fits many times.
 */
export const DUE_PER_TICK = 16_000;

/** A line about what a tick found late (after downtime, or items a failed delivery moved on). */
export interface TickLog {
  info(message: string, fields: Record<string, unknown>): void;
}

const lateMinutes = (item: DueItem, now: Date) => Math.floor((now.getTime() - Date.parse(`${item.minute}:00Z`)) / 60_000);

/**
 * One scheduler tick: reads everything due at or before now that no attempt holds (however long the
 * scheduler was down) and hands it to the worker in batches. Each job holds its item while it delivers
 * and moves it on only after it succeeded, so a tick that runs twice or overlaps hands the same jobs again
 * and the holds and claims make the repeats no-ops.
 */
export async function runTick(due: DueStore, deferred: Deferred, now: Date, log?: TickLog): Promise<{ jobs: number; late: number }> {
  const { minuteOf } = await import('@organizer/core/work');
  const items = await due.dueUpTo(minuteOf(now), DUE_PER_TICK);
  const jobs: Job[] = items.map((item) => ({ ...item }));
  await Promise.all(batches(jobs).map((batch) => deferred.run(batch)));
  // Late by more than a minute: the scheduler was down, or a delivery is being retried.
  const late = items.filter((item) => lateMinutes(item, now) > 1);
  if (late.length > 0) {
    const byKind: Record<string, number> = {};
    for (const item of late) byKind[item.kind] = (byKind[item.kind] ?? 0) + 1;
    log?.info('late due items', { count: late.length, byKind, oldest: late[0]?.minute, retried: late.filter((i) => i.attempts).length });
  }
  return { jobs: jobs.length, late: late.length };
}
