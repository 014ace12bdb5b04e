import type { Deferred, DueStore } from '@organizer/core';
import { runTick } from '../../functions/src/tick.ts';

/**
 * The app's clock in tests. It starts at `TEST_CLOCK` (an ISO instant) when that is set, otherwise at the
 * real time, and runs on from there at the real pace; a test may move it. The same clock signs the test
 * requests (Slack rejects timestamps five minutes off the app's clock), so the suite behaves the same
 * whatever the hour or the date it is run at: `npm run test:clock` runs the time-sensitive files at
 * several fixed instants to prove it.
 */
function startOf(value: string | undefined): number {
  if (!value) return Date.now();
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw new Error(`TEST_CLOCK=${value}: expected an ISO instant such as 2027-03-28T00:30:00Z`);
  return at;
}

let offset = startOf(process.env.TEST_CLOCK) - Date.now();

export const testClock = {
  now: (): Date => new Date(Date.now() + offset),
  /** Moves the clock to an instant; it runs on from there. */
  set(at: Date): void {
    offset = at.getTime() - Date.now();
  },
  /** Moves the clock forward (or back) by some milliseconds. */
  advance(ms: number): void {
    offset += ms;
  },
  seconds: (): number => Math.floor((Date.now() + offset) / 1000),
};

/** One scheduler tick at an instant, as the minute schedule would run it then: the app's clock reads that instant too. */
export async function tickAt(deps: { core: { due: DueStore; deferred: Deferred }; idle: () => Promise<void> }, at: Date) {
  testClock.set(at);
  const result = await runTick(deps.core.due, deps.core.deferred, at);
  await deps.idle();
  return result;
}
