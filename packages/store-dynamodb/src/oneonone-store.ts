import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OneOnOne, OneOnOneStore, Tenant } from '@organizer/core';
import { communityKey } from './entities/community.ts';
import { fromOneOnOneItem, oneOnOneKey, oneOnOnesPrefix, toOneOnOneItem } from './entities/oneonone.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';
import { putCounted } from './transactions.ts';

/** `OneOnOneStore` on the one table: conversations in their community's key range, by logger. */
export class DynamoOneOnOneStore implements OneOnOneStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  create(tenant: Tenant, o: OneOnOne): Promise<'saved' | 'missing'> {
    // Counted on the community with its values (stage 2), in the same transaction.
    return putCounted(this.db, this.tableName, toOneOnOneItem(tenant, o), {
      Update: {
        TableName: this.tableName,
        Key: communityKey(tenant, o.communityId),
        UpdateExpression: 'ADD oneOnOneCount :one, valueCount :values',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1, ':values': o.values.length },
      },
    });
  }

  async get(tenant: Tenant, communityId: string, loggerId: string, id: string): Promise<OneOnOne | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: oneOnOneKey(tenant, communityId, loggerId, id) }));
    return Item ? fromOneOnOneItem(Item) : undefined;
  }

  async byLogger(tenant: Tenant, communityId: string, loggerId: string): Promise<OneOnOne[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), oneOnOnesPrefix(communityId, loggerId)), 500);
    return items.map(fromOneOnOneItem);
  }

  async all(tenant: Tenant, communityId: string): Promise<OneOnOne[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), oneOnOnesPrefix(communityId)), 5000);
    return items.map(fromOneOnOneItem);
  }
}
