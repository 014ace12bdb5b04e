import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DueItem, DueKind, DueStore, Tenant } from '@organizer/core';
import { bucketKey, cursorKey, dueKey, duePrefix, fromDueItem, toDueItem } from './entities/due.ts';
import { claimOnce } from './idempotency-store.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `DueStore` on the one table: due items by minute bucket on gsi1, delivery claims, the tick cursor. */
export class DynamoDueStore implements DueStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  async put(item: DueItem): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: toDueItem(item) }));
  }

  async remove(tenant: Tenant, communityId: string, kind: DueKind, ref: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: dueKey(tenant, communityId, kind, ref) }));
  }

  async list(tenant: Tenant, communityId: string, kind: DueKind, refPrefix: string): Promise<DueItem[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), duePrefix(communityId, kind, refPrefix)), 500);
    return items.map(fromDueItem);
  }

  /** Access pattern "due in a minute": one gsi1 partition, every page. */
  async dueIn(minute: string): Promise<DueItem[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :bucket',
      ExpressionAttributeValues: { ':bucket': bucketKey(minute) },
    });
    return items.map(fromDueItem);
  }

  async advance(item: DueItem, to: string | undefined): Promise<boolean> {
    const Key = dueKey(item.tenant, item.communityId, item.kind, item.ref);
    try {
      await this.db.send(
        to
          ? new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: 'SET gsi1pk = :bucket, #minute = :to',
              ConditionExpression: '#minute = :from',
              ExpressionAttributeNames: { '#minute': 'minute' },
              ExpressionAttributeValues: { ':bucket': bucketKey(to), ':to': to, ':from': item.minute },
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

  async cursor(): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cursorKey, ConsistentRead: true }));
    return typeof Item?.minute === 'string' ? Item.minute : undefined;
  }

  async setCursor(minute: string): Promise<void> {
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
}
