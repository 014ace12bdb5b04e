import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DeliveryPart, HeldWrites, InteractionClaim, Job, Outbox, OutboxItem, Reply, Tenant } from '@organizer/core';
import { communityKey } from './entities/community.ts';
import {
  fromOutboxItem,
  interactionKey,
  OUTBOX_SHARDS,
  outboxKey,
  outboxPartition,
  parseReply,
  readyKey,
  serializeReply,
  toOutboxItem,
} from './entities/outbox.ts';
import {
  allowHeldWrites,
  HeldWritesConflict,
  holdWrites,
  isHeldWritesConflict,
  type TransactItem,
  writingDirectly,
} from './unit-of-work.ts';

/** How long an interaction's first answer is kept for its repeats (platforms retry within minutes). */
const INTERACTION_SECONDS = 24 * 60 * 60;
/** A claim still pending after this long was abandoned (the platforms wait 3 seconds for an answer). */
const ABANDONED_MS = 60_000;
/** A transaction holds at most 100 items: the interaction and 99 jobs; more go in batches after it. */
const JOBS_PER_COMMIT = 99;
/** How long a delivery's hand-over is remembered: longer than an item's retries last (about 17 hours). */
const ADDED_SECONDS = 3 * 24 * 60 * 60;
/** The marker of one chunk of jobs a delivery handed over, in a partition of its own. */
const addedKey = (name: string) => ({ pk: `OUTBOX#ADDED#${name}`, sk: 'ADDED' });

/** A transaction refused because its first item's condition failed (the marker exists: added before). */
function isFirstConditionFailed(error: unknown): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] } | undefined)?.CancellationReasons;
  return (
    (error as { name?: string } | undefined)?.name === 'TransactionCanceledException' && reasons?.[0]?.Code === 'ConditionalCheckFailed'
  );
}

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `Outbox` on the one table: items in eight shards with a ready index on gsi1, interactions in the tenant's partition. */
export class DynamoOutbox implements Outbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    allowHeldWrites(db);
  }

  holdWrites<T>(work: () => Promise<T>): Promise<{ value: T; writes: HeldWrites }> {
    return holdWrites(work);
  }

  private itemsOf(jobs: readonly Job[], idOf: (index: number) => string = () => this.newId()): OutboxItem[] {
    const at = this.now().toISOString();
    return jobs.map((job, index) => ({ id: idOf(index), job, attempts: 0, readyAt: at, createdAt: at }));
  }

  async claimInteraction(tenant: Tenant, interactionId: string): Promise<InteractionClaim> {
    const now = this.now();
    const seconds = Math.floor(now.getTime() / 1000);
    const Key = interactionKey(tenant, interactionId);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...Key, entity: 'Interaction', state: 'pending', claimedAt: now.toISOString(), expiresAt: seconds + INTERACTION_SECONDS },
          // A pending claim a minute old was left by a run that died before committing anything: run it again.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now OR (#state = :pending AND claimedAt < :stale)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':now': seconds,
            ':pending': 'pending',
            ':stale': new Date(now.getTime() - ABANDONED_MS).toISOString(),
          },
        }),
      );
      return { kind: 'new' };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }));
    return Item?.state === 'done' && Item.reply !== undefined ? { kind: 'done', reply: parseReply(Item.reply) } : { kind: 'pending' };
  }

  async releaseInteraction(tenant: Tenant, interactionId: string): Promise<void> {
    await this.db
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: interactionKey(tenant, interactionId),
          ConditionExpression: '#state = :pending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      )
      .catch((error: unknown) => {
        if (!conditionFailed(error)) throw error;
      });
  }

  async commit(
    interaction: { tenant: Tenant; id: string; reply: Reply } | undefined,
    jobs: readonly Job[],
    writes: HeldWrites = [],
  ): Promise<OutboxItem[]> {
    return writingDirectly(() => this.commitNow(interaction, jobs, writes as TransactItem[]));
  }

  private async commitNow(
    interaction: { tenant: Tenant; id: string; reply: Reply } | undefined,
    jobs: readonly Job[],
    writes: readonly TransactItem[],
  ): Promise<OutboxItem[]> {
    const items = this.itemsOf(jobs);
    // One transaction holds 100 items: the state, the interaction, then as many jobs as fit; the rest after it.
    const first = items.slice(0, JOBS_PER_COMMIT - writes.length);
    const puts = first.map((item) => ({
      Put: { TableName: this.tableName, Item: toOutboxItem(item), ConditionExpression: 'attribute_not_exists(pk)' },
    }));
    const answer = interaction
      ? [
          {
            Update: {
              TableName: this.tableName,
              Key: interactionKey(interaction.tenant, interaction.id),
              UpdateExpression: 'SET #state = :done, reply = :reply',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':done': 'done', ':reply': serializeReply(interaction.reply) },
            },
          },
        ]
      : [];
    const transact = [...writes, ...answer, ...puts];
    try {
      if (transact.length === 1 && puts.length === 1) await this.db.send(new PutCommand(puts[0]?.Put as never));
      else if (transact.length > 0) await this.db.send(new TransactWriteCommand({ TransactItems: transact }));
    } catch (error) {
      // The state moved since the command read it: nothing of it was written; it runs again, writing directly.
      if (writes.length > 0 && isHeldWritesConflict(error)) throw new HeldWritesConflict(error);
      throw error;
    }
    await this.putAll(items.slice(first.length));
    return items;
  }

  async add(jobs: readonly Job[], from?: DeliveryPart): Promise<OutboxItem[]> {
    if (from) return this.addOnce(jobs, from);
    const items = this.itemsOf(jobs);
    await this.putAll(items);
    return items;
  }

  /**
   * Jobs a delivery hands over, added at most once: each chunk of 99 in one transaction with a marker of its
   * own (`OUTBOX#ADDED`, kept for ADDED_SECONDS, longer than any item's retries) that must not exist yet. A
   * delivery run again finds its markers and adds nothing; ids are derived from the delivery, so an item
   * still waiting is not added beside itself either.
   */
  private async addOnce(jobs: readonly Job[], from: DeliveryPart): Promise<OutboxItem[]> {
    const base = `${from.parent}.${from.part}`;
    const items = this.itemsOf(jobs, (index) => `${base}.${index}`);
    const added: OutboxItem[] = [];
    const expiresAt = Math.floor(this.now().getTime() / 1000) + ADDED_SECONDS;
    for (let i = 0; i < items.length; i += JOBS_PER_COMMIT) {
      const chunk = items.slice(i, i + JOBS_PER_COMMIT);
      const marker = {
        Put: {
          TableName: this.tableName,
          Item: { ...addedKey(`${base}#${i / JOBS_PER_COMMIT}`), entity: 'OutboxAdded', expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      };
      const puts = chunk.map((item) => ({ Put: { TableName: this.tableName, Item: toOutboxItem(item) } }));
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: [marker, ...puts] }));
        added.push(...chunk);
      } catch (error) {
        if (!isFirstConditionFailed(error)) throw error;
      }
    }
    return added;
  }

  private async putAll(items: readonly OutboxItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: toOutboxItem(item) } }));
      while (requests.length > 0) {
        const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  /** Access pattern "outbox ready by now": one Query per shard on gsi1, bounded by `limit`. */
  async ready(limit: number): Promise<OutboxItem[]> {
    const until = `${this.now().toISOString()}~`;
    const perShard = Math.max(1, Math.ceil(limit / OUTBOX_SHARDS));
    const pages = await Promise.all(
      Array.from({ length: OUTBOX_SHARDS }, (_, shard) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :until',
            ExpressionAttributeValues: { ':shard': outboxPartition(shard), ':until': until },
            Limit: perShard,
          }),
        ),
      ),
    );
    return pages
      .flatMap((page) => page.Items ?? [])
      .map(fromOutboxItem)
      .sort((a, b) => a.readyAt.localeCompare(b.readyAt))
      .slice(0, limit);
  }

  async take(item: OutboxItem, leaseMs: number): Promise<OutboxItem | undefined> {
    const leaseEnds = new Date(this.now().getTime() + leaseMs).toISOString();
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(item.id),
          UpdateExpression: 'SET gsi1sk = :lease, readyAt = :leaseEnds ADD attempts :one',
          // Only from where it was seen: of two takers (the stream and a drain), one wins.
          ConditionExpression: 'gsi1sk = :seen',
          ExpressionAttributeValues: {
            ':lease': readyKey(leaseEnds, item.id),
            ':leaseEnds': leaseEnds,
            ':seen': readyKey(item.readyAt, item.id),
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? fromOutboxItem(Attributes) : undefined;
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  async done(item: OutboxItem): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: outboxKey(item.id) }));
  }

  async retry(item: OutboxItem, at: Date, error: string): Promise<void> {
    const readyAt = at.toISOString();
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: outboxKey(item.id),
          UpdateExpression: 'SET gsi1sk = :ready, readyAt = :readyAt, lastError = :error',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':ready': readyKey(readyAt, item.id), ':readyAt': readyAt, ':error': error.slice(0, 500) },
        }),
      )
      .catch((e: unknown) => {
        if (!conditionFailed(e)) throw e;
      });
  }

  async fail(item: OutboxItem, error: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: outboxKey(item.id),
        // Out of the ready index for good; kept for a leader or an operator to look at.
        UpdateExpression: 'SET #state = :failed, lastError = :error REMOVE gsi1pk, gsi1sk',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':failed': 'failed', ':error': error.slice(0, 500) },
      }),
    );
    // A message names its community through what it offered (a plain message names none: the log has it).
    const job = item.job as { tenant?: Tenant; communityId?: string; ifUndeliverable?: { communityId?: string } };
    const communityId = job.communityId ?? job.ifUndeliverable?.communityId;
    if (job.tenant && communityId) {
      await this.db
        .send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: communityKey(job.tenant, communityId),
            UpdateExpression: 'ADD undeliveredCount :one',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        )
        .catch((e: unknown) => {
          if (!conditionFailed(e)) throw e;
        });
    }
  }
}
