import { AsyncLocalStorage } from 'node:async_hooks';
import type { DeliveryPart, Job, Outbox, OutboxItem } from '@organizer/core';
import { nextAttemptAt } from '@organizer/core';
import { describeError, type Logger } from './log.ts';

/** How long one delivery may hold an item before someone else may try it (the worker's own timeout is 5 minutes). */
export const LEASE_MS = 6 * 60_000;
/** Items one drain takes at most; the next drain (a second later locally, the next tick on AWS) takes more. */
export const DRAIN_LIMIT = 400;

/**
 * Runs a job as the outbox delivers it: `deliveryId` keys its messages and claims so a repeat does nothing
 * twice; `attempts` counts this try too (above 1, an earlier try may have landed before it failed or died).
 */
export type RunDelivery = (job: Job, deliveryId: string, attempts: number) => Promise<void>;

/** The delivery running in this async context: the jobs it hands over are named after it (see `handedOver`). */
const delivering = new AsyncLocalStorage<{ readonly id: string; handed: number }>();

/**
 * Where the jobs handed over now come from: the running delivery and the count of its hand-overs so far
 * (the same on every run of that delivery, as the job decides the same again), or undefined outside one.
 */
export function handedOver(): DeliveryPart | undefined {
  const current = delivering.getStore();
  return current ? { parent: current.id, part: String(current.handed++) } : undefined;
}

export interface OutboxDelivery {
  /** One delivery attempt of an item as found (in a stream record or the ready index). Never throws for a job's failure. */
  deliver(item: OutboxItem): Promise<'done' | 'retry' | 'failed' | 'taken'>;
  /** Delivers what is ready now, `concurrency` at a time, up to `limit` items. */
  drain(limit?: number): Promise<number>;
}

/**
 * Delivery from the outbox, the same code on AWS (stream records, the minute tick) and locally (a drain
 * after each commit and every few seconds): take the item under a lease, run its job, remove it; a failure
 * comes back after a growing wait, and after the last attempt the item is set aside and counted.
 */
export function outboxDelivery(outbox: Outbox, run: RunDelivery, now: () => Date, log: Logger, concurrency = 64): OutboxDelivery {
  const deliver = async (found: OutboxItem): Promise<'done' | 'retry' | 'failed' | 'taken'> => {
    const item = await outbox.take(found, LEASE_MS);
    if (!item) return 'taken';
    try {
      await delivering.run({ id: item.id, handed: 0 }, () => run(item.job, item.id, item.attempts));
      await outbox.done(item);
      return 'done';
    } catch (error) {
      const reason = describeError(error);
      const message = String(reason.message ?? reason.error ?? 'error');
      const at = nextAttemptAt(item.attempts, now());
      if (at) {
        log.warn('delivery failed, will retry', {
          id: item.id,
          kind: item.job.kind,
          attempts: item.attempts,
          at: at.toISOString(),
          ...reason,
        });
        await outbox.retry(item, at, message);
        return 'retry';
      }
      log.error('delivery failed for good', { id: item.id, kind: item.job.kind, attempts: item.attempts, ...reason });
      // What the message offered is taken back, as when the platform refuses it outright.
      if (item.job.kind === 'send' && item.job.ifUndeliverable)
        await outbox.add([item.job.ifUndeliverable], { parent: item.id, part: 'undeliverable' });
      await outbox.fail(item, message);
      return 'failed';
    }
  };
  return {
    deliver,
    drain: async (limit = DRAIN_LIMIT) => {
      const items = await outbox.ready(limit);
      let next = 0;
      const lane = async () => {
        while (next < items.length) await deliver(items[next++] as OutboxItem);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
      return items.length;
    },
  };
}

/**
 * Locally (and in tests): a drain starts right after each write to the outbox and every `everyMs`, one at a
 * time; `idle()` resolves once nothing ready is left (items waiting for a later retry do not count).
 */
export function localOutboxPump(delivery: OutboxDelivery, log: Logger, everyMs = 2000) {
  let running: Promise<void> | undefined;
  let again = false;
  const pump = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          // A full drain may leave more ready behind it: keep going until a drain finds nothing.
          while ((await delivery.drain()) > 0) {}
        } catch (error) {
          log.error('outbox drain failed', describeError(error));
        }
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    kick: () => {
      setImmediate(() => void pump());
    },
    idle: () => pump(),
    start: () => {
      timer ??= setInterval(() => void pump(), everyMs);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}

/** The part of a DynamoDB Streams record the worker reads. */
export interface StreamRecord {
  readonly eventName?: string;
  readonly dynamodb?: { readonly NewImage?: Record<string, unknown>; readonly SequenceNumber?: string };
}

/**
 * Delivers the outbox items a stream batch carries (new items only; the event source mapping filters the
 * rest). A job's own failure is already turned into a later retry by `deliver`; only a record that could
 * not even be handled (the table unreachable) is reported back, so Lambda retries that one alone.
 */
export async function deliverStreamRecords(
  records: readonly StreamRecord[],
  delivery: OutboxDelivery,
  parse: (image: Record<string, unknown>) => Promise<OutboxItem | undefined>,
  log: Logger,
): Promise<{ batchItemFailures: { itemIdentifier: string }[] }> {
  const failures: { itemIdentifier: string }[] = [];
  await Promise.all(
    records.map(async (record) => {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image) return;
      try {
        const item = await parse(image);
        if (item) await delivery.deliver(item);
      } catch (error) {
        log.error('outbox record not handled', { sequence: record.dynamodb?.SequenceNumber, ...describeError(error) });
        if (record.dynamodb?.SequenceNumber) failures.push({ itemIdentifier: record.dynamodb.SequenceNumber });
      }
    }),
  );
  return { batchItemFailures: failures };
}
