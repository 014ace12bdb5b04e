import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CommunityEvent, EventStore, Tenant } from '@organizer/core';
import { countActivity } from './entities/community.ts';
import { eventKey, eventsPrefix, fromEventItem, toEventItem } from './entities/event.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';
import { putCounted } from './transactions.ts';

/** `EventStore` on the one table: events in their community's key range. */
export class DynamoEventStore implements EventStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'missing' | 'exists'> {
    try {
      return await putCounted(
        this.db,
        this.tableName,
        toEventItem(tenant, event),
        countActivity(this.tableName, tenant, event.communityId, 'events'),
      );
    } catch (error) {
      // The id is taken: a repeating event's next occurrence (whose id follows from the series) made already.
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[1]?.Code === 'ConditionalCheckFailed')
        return 'exists';
      throw error;
    }
  }

  async get(tenant: Tenant, communityId: string, id: string): Promise<CommunityEvent | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: eventKey(tenant, communityId, id), ConsistentRead: true }),
    );
    return Item ? fromEventItem(Item) : undefined;
  }

  async list(tenant: Tenant, communityId: string): Promise<CommunityEvent[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), eventsPrefix(communityId)), 500);
    return items.map(fromEventItem);
  }

  async save(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(new PutCommand(this.guardedPut(tenant, event)));
      return 'saved';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'conflict';
      throw error;
    }
  }

  async cancel(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: this.guardedPut(tenant, event) },
            // A cancelled event no longer counts among the community's events (status, stages).
            countActivity(this.tableName, tenant, event.communityId, 'events', -1),
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
        return 'conflict';
      throw error;
    }
  }

  /** Optimistic: only over the version this change was computed from. */
  private guardedPut(tenant: Tenant, event: CommunityEvent) {
    return {
      TableName: this.tableName,
      Item: toEventItem(tenant, event),
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': event.version - 1 },
    };
  }
}
