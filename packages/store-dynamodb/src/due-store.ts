import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DueItem, DueKind, DueStore, Tenant } from '@organizer/core';
import {
  cursorKey,
  DUE_SHARDS,
  dueKey,
  duePrefix,
  fromDueItem,
  legacyBucketKey,
  lookKey,
  shardKey,
  shardOf,
  toDueItem,
  upToKey,
} from './entities/due.ts';
import { claimOnce } from './idempotency-store.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** How far back the previous release's per-minute buckets are read (its own catch-up limit). */
const LEGACY_MINUTES = 60;
const MINUTE_MS = 60_000;
const minuteOf = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** `DueStore` on the one table: due items sharded on gsi1 by look minute, delivery claims. */
export class DynamoDueStore implements DueStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  async put(item: DueItem): Promise<void> {
    const { attempts: _, ...fresh } = item;
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: toDueItem(fresh) }));
  }

  async remove(tenant: Tenant, communityId: string, kind: DueKind, ref: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: dueKey(tenant, communityId, kind, ref) }));
  }

  async list(tenant: Tenant, communityId: string, kind: DueKind, refPrefix: string): Promise<DueItem[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), duePrefix(communityId, kind, refPrefix)), 500);
    return items.map(fromDueItem);
  }

  /**
   * Access pattern "due by now": one range read per shard (every page up to the shard's share of `limit`),
   * merged oldest first. What is left over is found by the next tick, since nothing due is ever skipped.
   */
  async dueUpTo(minute: string, limit: number): Promise<DueItem[]> {
    await this.moveLegacy(minute);
    const perShard = Math.ceil(limit / DUE_SHARDS);
    const shards = Array.from({ length: DUE_SHARDS }, (_, i) => String(i).padStart(2, '0'));
    const found = await Promise.all(
      shards.map((shard) =>
        queryAll(
          this.db,
          {
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :shard AND gsi1sk <= :upTo',
            ExpressionAttributeValues: { ':shard': shardKey(shard), ':upTo': upToKey(minute) },
          },
          perShard,
        ),
      ),
    );
    return found
      .flat()
      .sort((a, b) => String(a.gsi1sk).localeCompare(String(b.gsi1sk)))
      .slice(0, limit)
      .map(fromDueItem);
  }

  async hold(item: DueItem, now: string, retryAt: string): Promise<DueItem | undefined> {
    const Key = dueKey(item.tenant, item.communityId, item.kind, item.ref);
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          // Rewrites the shard keys too: an item of the previous release's shape joins the new index here.
          UpdateExpression: 'SET gsi1pk = :shard, gsi1sk = :look ADD attempts :one',
          // Free means its look minute has come: an attempt in progress moved it into the future.
          ConditionExpression: '#minute = :minute AND gsi1sk <= :upTo',
          ExpressionAttributeNames: { '#minute': 'minute' },
          ExpressionAttributeValues: {
            ':shard': shardKey(shardOf(Key.pk, Key.sk)),
            ':look': lookKey(retryAt, Key),
            ':one': 1,
            ':minute': item.minute,
            ':upTo': upToKey(now),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? fromDueItem(Attributes) : undefined;
    } catch (error) {
      if (conditionFailed(error)) return undefined;
      throw error;
    }
  }

  async advance(item: DueItem, to: string | undefined): Promise<boolean> {
    const Key = dueKey(item.tenant, item.communityId, item.kind, item.ref);
    try {
      await this.db.send(
        to
          ? new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: 'SET gsi1pk = :shard, gsi1sk = :look, #minute = :to REMOVE attempts',
              ConditionExpression: '#minute = :from',
              ExpressionAttributeNames: { '#minute': 'minute' },
              ExpressionAttributeValues: {
                ':shard': shardKey(shardOf(Key.pk, Key.sk)),
                ':look': lookKey(to, Key),
                ':to': to,
                ':from': item.minute,
              },
            })
          : new DeleteCommand({
              TableName: this.tableName,
              Key,
              ConditionExpression: '#minute = :from',
              ExpressionAttributeNames: { '#minute': 'minute' },
              ExpressionAttributeValues: { ':from': item.minute },
            }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  }

  claim(key: string): Promise<boolean> {
    return claimOnce(this.db, this.tableName, 'DELIVERY', key, this.now());
  }

  async release(key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { pk: 'DELIVERY#IDEMPOTENCY', sk: `KEY#${key}` } }));
  }

  /**
   * For one release: items the previous release wrote sit in per-minute buckets (`DUE#<minute>`). Each
   * minute's bucket is read once, as its minute comes (from that release's cursor, at most an hour back),
   * and its items rewritten into the shards, where every later tick finds them. Remove once no item of
   * the old shape is left (the furthest one out is an event or campaign item, weeks ahead at most).
   */
  private async moveLegacy(minute: string): Promise<void> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cursorKey, ConsistentRead: true }));
    const end = Date.parse(`${minute}:00Z`);
    const after = typeof Item?.minute === 'string' ? Date.parse(`${Item.minute}:00Z`) + MINUTE_MS : end;
    const minutes: string[] = [];
    for (let t = Math.max(after, end - LEGACY_MINUTES * MINUTE_MS); t <= end; t += MINUTE_MS) minutes.push(minuteOf(t));
    if (minutes.length === 0) return;
    for (const bucket of minutes) {
      const items = await queryAll(this.db, {
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :bucket',
        ExpressionAttributeValues: { ':bucket': legacyBucketKey(bucket) },
      });
      await Promise.all(items.map((old) => this.migrate(old, legacyBucketKey(bucket))));
    }
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...cursorKey, entity: 'SchedulerCursor', minute },
          ConditionExpression: 'attribute_not_exists(pk) OR #minute < :minute',
          ExpressionAttributeNames: { '#minute': 'minute' },
          ExpressionAttributeValues: { ':minute': minute },
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }

  private async migrate(old: Record<string, unknown>, bucket: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toDueItem(fromDueItem(old)),
          // Still where the old index had it: a command that moved it meanwhile wrote the new shape already.
          ConditionExpression: 'gsi1pk = :bucket',
          ExpressionAttributeValues: { ':bucket': bucket },
        }),
      );
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
  }
}
