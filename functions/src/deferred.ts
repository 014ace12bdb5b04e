import { AsyncLocalStorage } from 'node:async_hooks';
import type { Deferred, Job, OutboxItem } from '@organizer/core';
import { describeError, type Logger } from './log.ts';

/** Jobs per worker invocation: small enough to finish well inside the worker's timeout. */
export const BATCH_SIZE = 50;

/** Splits jobs into worker-sized batches. */
export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const worker = new AsyncLocalStorage<true>();

/** True inside a job run by the in-process worker (the bench tells a command's own calls from its deferred work). */
export const inWorker = () => worker.getStore() === true;

/** Runs work as the worker's (outbox deliveries run in the same process locally). */
export const inWorkerContext = <T>(work: () => Promise<T>): Promise<T> => worker.run(true, work);

/** A `Deferred` that runs jobs in this process, in the background; `idle()` resolves when all are done. */
export interface LocalDeferred extends Deferred {
  idle(): Promise<void>;
}

/**
 * Locally (and in tests): jobs run in-process after the request returns, at most `concurrency` at once,
 * each failure logged, never thrown into the request.
 */
export function localDeferred(runJob: (job: Job) => Promise<void>, log: Logger, concurrency = 64): LocalDeferred {
  const queue: Job[] = [];
  const waiters: (() => void)[] = [];
  let pending = 0;
  let active = 0;
  const pump = () => {
    while (active < concurrency && queue.length > 0) {
      const job = queue.shift() as Job;
      active++;
      worker
        .run(true, () => runJob(job))
        .catch((error: unknown) =>
          log.error('deferred job failed', { kind: job.kind, ...('ref' in job ? { ref: job.ref } : {}), ...describeError(error) }),
        )
        .finally(() => {
          active--;
          pending--;
          if (pending === 0) for (const done of waiters.splice(0)) done();
          else pump();
        });
    }
  };
  return {
    run: async (jobs) => {
      pending += jobs.length;
      queue.push(...jobs);
      // After the caller's turn: a request answers first, then its slow work runs.
      setImmediate(pump);
    },
    // Jobs may queue more jobs; `pending` counts them all.
    idle: () => (pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  };
}

/** What the worker function is invoked with: due jobs from a tick, or outbox items that are ready again. */
export type WorkerPayload = { readonly jobs: readonly Job[] } | { readonly outbox: readonly OutboxItem[] };

/** On AWS: each batch is one asynchronous invocation of the worker function (Lambda queues and retries it). */
export function lambdaInvoker(functionName: string, region: string, clientConfig: Record<string, unknown> = {}) {
  let client: Promise<{ send: (payload: WorkerPayload) => Promise<void> }> | undefined;
  const connect = async () => {
    const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
    const lambda = new LambdaClient({ region, ...clientConfig });
    return {
      send: async (payload: WorkerPayload) => {
        await lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: JSON.stringify(payload) }));
      },
    };
  };
  return async (payload: WorkerPayload): Promise<void> => {
    client ??= connect();
    const lambda = await client;
    const parts =
      'jobs' in payload ? batches(payload.jobs).map((jobs) => ({ jobs })) : batches(payload.outbox).map((outbox) => ({ outbox }));
    await Promise.all(parts.map((part) => lambda.send(part)));
  };
}

/** The tick's hand-off on AWS: due jobs to the worker, in batches. */
export function lambdaDeferred(functionName: string, region: string, clientConfig: Record<string, unknown> = {}): Deferred {
  const invoke = lambdaInvoker(functionName, region, clientConfig);
  return { run: (jobs) => invoke({ jobs }) };
}
