import type { Job, OutboxItem } from '@organizer/core';
import { environment, loadConfig } from './config.ts';
import { buildDeps } from './deps.ts';
import type { StreamRecord } from './outbox.ts';

/**
 * Worker entry, invoked three ways: by the outbox's DynamoDB stream (new items: `Records`), by the
 * scheduler with due jobs (`jobs`) or with outbox items that are ready again (`outbox`).
 */
const env = environment();
const base = loadConfig(env);
const secrets = base.SECRETS_SSM_PREFIX ? await (await import('./secrets.ts')).readSecrets(base.SECRETS_SSM_PREFIX, base.AWS_REGION) : {};
const deps = buildDeps(loadConfig({ ...env, ...secrets }));

type WorkerEvent = { jobs?: Job[]; outbox?: OutboxItem[]; Records?: StreamRecord[] };

export async function handler(
  event: WorkerEvent,
): Promise<{ done: number; failed: number } | { batchItemFailures: { itemIdentifier: string }[] }> {
  // Stream batches report their own failures, record by record: one failure never re-runs the others.
  if (event.Records) return deps.deliverStream(event.Records);
  if (event.outbox) {
    const outcomes = await Promise.all(event.outbox.map((item) => deps.outbox.deliver(item)));
    return { done: outcomes.filter((o) => o !== 'retry' && o !== 'failed').length, failed: outcomes.filter((o) => o === 'failed').length };
  }
  const result = await deps.runJobs(event.jobs ?? []);
  // A failed due job fails the invocation: it shows in the errors alarm; its due item stays for the next tick.
  if (result.failed > 0) throw new Error(`${result.failed} of ${event.jobs?.length ?? 0} jobs failed`);
  return result;
}
