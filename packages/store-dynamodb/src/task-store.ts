import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Task, TaskStatus, TaskStore, Tenant } from '@organizer/core';
import { countActivity } from './entities/community.ts';
import { fromTaskItem, taskKey, tasksPrefix, toTaskItem } from './entities/task.ts';
import { tenantKey } from './keys.ts';

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `TaskStore` on the one table: tasks sit in their community's key range. */
export class DynamoTaskStore implements TaskStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(tenant: Tenant, task: Task): Promise<'saved' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: toTaskItem(tenant, task), ConditionExpression: 'attribute_not_exists(sk)' }),
      );
      return 'saved';
    } catch (error) {
      if (conditionFailed(error)) return 'exists';
      throw error;
    }
  }

  async get(tenant: Tenant, communityId: string, taskId: string): Promise<Task | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: taskKey(tenant, communityId, taskId) }));
    return Item ? fromTaskItem(Item as Task) : undefined;
  }

  async list(tenant: Tenant, communityId: string, limit: number): Promise<Task[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantKey(tenant), ':prefix': tasksPrefix(communityId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => fromTaskItem(item as Task));
  }

  async move(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    userId: string,
    from: TaskStatus,
    to: TaskStatus,
    at: string,
  ): Promise<'saved' | 'conflict'> {
    const update = {
      TableName: this.tableName,
      Key: taskKey(tenant, communityId, taskId),
      UpdateExpression: 'SET #status = :to, updatedAt = :at',
      ConditionExpression: '#status = :from AND ownerId = :user',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':to': to, ':from': from, ':user': userId, ':at': at },
    };
    // An accepted task is counted on the community (stage 6: tasks with owners) in the same transaction.
    const transaction = new TransactWriteCommand({
      TransactItems: [{ Update: update }, countActivity(this.tableName, tenant, communityId, 'acceptedTasks')],
    });
    for (let attempt = 1; ; attempt++) {
      try {
        if (to === 'accepted') await this.db.send(transaction);
        else await this.db.send(new UpdateCommand(update));
        return 'saved';
      } catch (error) {
        if (conditionFailed(error)) return 'conflict';
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [task] = error.CancellationReasons ?? [];
        if (task?.Code === 'ConditionalCheckFailed') return 'conflict';
        // A concurrent write to the community item (TransactionConflict): try again, then the condition decides.
        if (attempt >= 3) throw error;
      }
    }
  }
}
