import type { Deferred, DueStore, Job } from '@organizer/core';
import { batches } from './deferred.ts';

/** How far back a tick catches up after downtime. */
export const CATCH_UP_MINUTES = 60;

/**
 * One scheduler tick: reads the due bucket of each minute since the last finished one (at most an hour
 * back), hands the work to the worker in batches, then moves the cursor. Reads only due buckets, never
 * scans; a tick that runs twice or overlaps hands the same jobs again, and the claims make them no-ops.
 */
export async function runTick(due: DueStore, deferred: Deferred, now: Date): Promise<{ minutes: number; jobs: number }> {
  const { minuteOf, minutesToRun } = await import('@organizer/core/work');
  const minutes = minutesToRun(await due.cursor(), minuteOf(now), CATCH_UP_MINUTES + 1);
  let count = 0;
  for (const minute of minutes) {
    const items = await due.dueIn(minute);
    const jobs: Job[] = items.map((item) => ({ ...item }));
    await Promise.all(batches(jobs).map((batch) => deferred.run(batch)));
    count += jobs.length;
    await due.setCursor(minute);
  }
  return { minutes: minutes.length, jobs: count };
}
