import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Task, TaskStatus, TaskStore, Tenant } from '@organizer/core';
import { countActivity } from './entities/community.ts';
import { countMemberAct } from './entities/member.ts';
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
    reason?: string,
  ): Promise<'saved' | 'conflict'> {
    const update = {
      TableName: this.tableName,
      Key: taskKey(tenant, communityId, taskId),
      UpdateExpression: `SET #status = :to, updatedAt = :at${reason ? ', reason = :reason' : ''}`,
      ConditionExpression: '#status = :from AND ownerId = :user',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':to': to, ':from': from, ':user': userId, ':at': at, ...(reason ? { ':reason': reason } : {}) },
    };
    // Accepting is counted on the community (stage 6: tasks with owners) and, like finishing, on the
    // owner (the ladder of engagement), in the same transaction as the move.
    const counted = to === 'accepted' || to === 'done';
    const transaction = new TransactWriteCommand({
      TransactItems: [
        { Update: update },
        ...(to === 'accepted' ? [countActivity(this.tableName, tenant, communityId, 'acceptedTasks')] : []),
        countMemberAct(this.tableName, tenant, communityId, userId, to === 'done' ? 'tasksDone' : 'tasksAccepted'),
      ],
    });
    for (let attempt = 1; ; attempt++) {
      try {
        if (counted) await this.db.send(transaction);
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

  async drop(tenant: Tenant, communityId: string, taskId: string, askedBy: string, at: string): Promise<'saved' | 'conflict'> {
    return this.update({
      TableName: this.tableName,
      Key: taskKey(tenant, communityId, taskId),
      UpdateExpression: 'SET #status = :dropped, updatedAt = :at',
      ConditionExpression: '#status IN (:declined, :handedBack) AND createdBy = :user',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':dropped': 'dropped',
        ':declined': 'declined',
        ':handedBack': 'handedBack',
        ':user': askedBy,
        ':at': at,
      },
    });
  }

  async reoffer(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    askedBy: string,
    ownerId: string,
    at: string,
  ): Promise<'saved' | 'conflict'> {
    return this.update({
      TableName: this.tableName,
      Key: taskKey(tenant, communityId, taskId),
      UpdateExpression: 'SET #status = :proposed, ownerId = :owner, updatedAt = :at REMOVE reason',
      ConditionExpression: '#status IN (:declined, :handedBack) AND createdBy = :user',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':proposed': 'proposed',
        ':owner': ownerId,
        ':declined': 'declined',
        ':handedBack': 'handedBack',
        ':user': askedBy,
        ':at': at,
      },
    });
  }

  async reschedule(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    due: { date: string; dueAt: number },
    previous: string,
    at: string,
  ): Promise<'saved' | 'conflict'> {
    // Only an open task, and only if nobody moved it since it was read: two reschedules never cross.
    return this.update({
      TableName: this.tableName,
      Key: taskKey(tenant, communityId, taskId),
      UpdateExpression: 'SET #due = :due, updatedAt = :at',
      ConditionExpression: '#status IN (:proposed, :accepted) AND updatedAt = :previous',
      ExpressionAttributeNames: { '#status': 'status', '#due': 'due' },
      ExpressionAttributeValues: {
        ':due': due,
        ':proposed': 'proposed',
        ':accepted': 'accepted',
        ':previous': previous,
        ':at': at,
      },
    });
  }

  private async update(input: ConstructorParameters<typeof UpdateCommand>[0]): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(new UpdateCommand(input));
      return 'saved';
    } catch (error) {
      if (conditionFailed(error)) return 'conflict';
      throw error;
    }
  }
}
