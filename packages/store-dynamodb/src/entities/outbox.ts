import type { Job, OutboxItem, Reply, Tenant } from '@organizer/core';
import { tenantKey } from '../keys.ts';

/**
 * Outbox items spread over this many partitions (`OUTBOX#0` … `OUTBOX#7`), each with its own slice of
 * the ready index, so a burst of jobs is not one hot partition key. DynamoDB serves about 1,000 writes a
 * second per partition key: eight shards take about 8,000 new jobs a second before throttling.
 */
export const OUTBOX_SHARDS = 8;

/** The shard of an id (ids are random hex; anything else still spreads by its characters). */
export function shardOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % OUTBOX_SHARDS;
}

export const outboxPartition = (shard: number) => `OUTBOX#${shard}`;
export const outboxKey = (id: string) => ({ pk: outboxPartition(shardOf(id)), sk: `ITEM#${id}` });
/** The ready index's sort key: when the item may be tried next, then its id (unique). */
export const readyKey = (at: string, id: string) => `${at}#${id}`;

export function toOutboxItem(item: OutboxItem): Record<string, unknown> {
  return {
    ...outboxKey(item.id),
    gsi1pk: outboxPartition(shardOf(item.id)),
    gsi1sk: readyKey(item.readyAt, item.id),
    entity: 'Outbox',
    id: item.id,
    // Jobs are plain data; kept as JSON so every shape round-trips exactly (no empty sets, no undefined).
    job: JSON.stringify(item.job),
    attempts: item.attempts,
    readyAt: item.readyAt,
    createdAt: item.createdAt,
  };
}

export function fromOutboxItem(item: Record<string, unknown>): OutboxItem {
  return {
    id: String(item.id),
    job: JSON.parse(String(item.job)) as Job,
    attempts: Number(item.attempts ?? 0),
    readyAt: String(item.readyAt),
    createdAt: String(item.createdAt),
    ...(typeof item.lastError === 'string' ? { lastError: item.lastError } : {}),
  };
}

/**
 * An interaction handled once: claimed before any effect, then holding the reply its repeats get. Each is
 * its own partition (still starting with the tenant), kept out of the tenant's main partition that
 * `status` and erase read; it expires a day later.
 */
export const interactionKey = (tenant: Tenant, interactionId: string) => ({
  pk: `${tenantKey(tenant)}#INTERACTION#${interactionId}`,
  sk: 'INTERACTION',
});

export const serializeReply = (reply: Reply) => JSON.stringify(reply);
export const parseReply = (raw: unknown) => JSON.parse(String(raw)) as Reply;

/** An outbox item as a DynamoDB Streams record carries it (`NewImage`, in DynamoDB's attribute-value form). */
export async function outboxItemFromStream(image: Record<string, unknown>): Promise<OutboxItem | undefined> {
  const { unmarshall } = await import('@aws-sdk/util-dynamodb');
  const item = unmarshall(image as never);
  return item.entity === 'Outbox' ? fromOutboxItem(item) : undefined;
}
