import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Debrief, DebriefStore, Tenant } from '@organizer/core';
import { communityKey, countActivity } from './entities/community.ts';
import { debriefKey, debriefsPrefix, fromDebriefItem, toDebriefItem } from './entities/debrief.ts';
import { tenantKey } from './keys.ts';
import { putCounted } from './transactions.ts';

/** `DebriefStore` on the one table: debriefs in their community's key range, newest last by key. */
export class DynamoDebriefStore implements DebriefStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, debrief: Debrief): Promise<'saved' | 'missing'> {
    return putCounted(
      this.db,
      this.tableName,
      toDebriefItem(tenant, debrief),
      countActivity(this.tableName, tenant, debrief.communityId, 'debriefs'),
    );
  }

  async list(tenant: Tenant, communityId: string, limit: number): Promise<Debrief[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantKey(tenant), ':prefix': debriefsPrefix(communityId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(fromDebriefItem);
  }

  async assignStep(tenant: Tenant, communityId: string, debriefId: string, index: number, taskId: string): Promise<'saved' | 'taken'> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: debriefKey(tenant, communityId, debriefId),
                UpdateExpression: `SET steps[${index}].taskId = :task`,
                // One task per step, however many leaders hand it out at once.
                ConditionExpression: `attribute_exists(steps[${index}]) AND attribute_not_exists(steps[${index}].taskId)`,
                ExpressionAttributeValues: { ':task': taskId },
              },
            },
            countActivity(this.tableName, tenant, communityId, 'nextSteps'),
          ],
        }),
      );
      return 'saved';
    } catch (error) {
      if (error instanceof TransactionCanceledException) return 'taken';
      throw error;
    }
  }

  async celebrate(tenant: Tenant, communityId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: communityKey(tenant, communityId),
        UpdateExpression: 'ADD celebrationCount :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
  }
}
