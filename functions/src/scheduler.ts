import { environment, loadConfig } from './config.ts';
import { buildDeps } from './deps.ts';
import { runTick } from './tick.ts';

/** Scheduler entry: EventBridge calls it every minute; it reads everything due by now and hands work on. */
const deps = buildDeps(loadConfig(environment()));

export async function handler(): Promise<{ jobs: number; late: number }> {
  const result = await runTick(deps.core.due, deps.core.deferred, deps.now(), deps.log);
  // Outbox items whose retry is due (or that a lost stream record left behind) go to the worker too.
  const outbox = await deps.wakeOutbox();
  // Without a worker function the jobs ran in this process: Lambda freezes it once the handler returns.
  await deps.idle();
  deps.log.info('tick', { ...result, outbox });
  return result;
}
