import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StandupAnswer, StandupRun, StandupSchedule, StandupStore, Tenant } from '@organizer/core';
import { answerKey, answersPrefix, fromAnswerItem, toAnswerItem } from './entities/standup-answer.ts';
import { fromRunItem, runKey, toRunItem } from './entities/standup-run.ts';
import { fromScheduleItem, scheduleKey, schedulesPrefix, toScheduleItem } from './entities/standup-schedule.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `StandupStore` on the one table: schedules, runs and answers in their community's key range. */
export class DynamoStandupStore implements StandupStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async schedules(tenant: Tenant, communityId: string): Promise<StandupSchedule[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), schedulesPrefix(communityId)), 50);
    return items.map(fromScheduleItem);
  }

  async schedule(tenant: Tenant, communityId: string, id: string): Promise<StandupSchedule | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: scheduleKey(tenant, communityId, id) }));
    return Item ? fromScheduleItem(Item) : undefined;
  }

  async saveSchedule(tenant: Tenant, schedule: StandupSchedule): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: toScheduleItem(tenant, schedule) }));
  }

  async removeSchedule(tenant: Tenant, communityId: string, id: string): Promise<boolean> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: scheduleKey(tenant, communityId, id), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  }

  async setMember(tenant: Tenant, communityId: string, id: string, userId: string, joined: boolean): Promise<'saved' | 'missing'> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: scheduleKey(tenant, communityId, id),
        // A set: joining twice (or a retried click) leaves one entry.
        UpdateExpression: `${joined ? 'ADD' : 'DELETE'} #members :user`,
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeNames: { '#members': 'members' },
        ExpressionAttributeValues: { ':user': new Set([userId]) },
      }),
    );
  }

  async setNudge(tenant: Tenant, communityId: string, id: string, on: boolean): Promise<'saved' | 'missing'> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: scheduleKey(tenant, communityId, id),
        // On is the default, kept as no attribute at all.
        UpdateExpression: on ? 'REMOVE nudge' : 'SET nudge = :off',
        ConditionExpression: 'attribute_exists(sk)',
        ...(on ? {} : { ExpressionAttributeValues: { ':off': false } }),
      }),
    );
  }

  async createRun(tenant: Tenant, run: StandupRun): Promise<'created' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: toRunItem(tenant, run), ConditionExpression: 'attribute_not_exists(sk)' }),
      );
      return 'created';
    } catch (error) {
      if (conditionFailed(error)) return 'exists';
      throw error;
    }
  }

  async run(tenant: Tenant, communityId: string, runId: string): Promise<StandupRun | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: runKey(tenant, communityId, runId) }));
    return Item ? fromRunItem(Item) : undefined;
  }

  async claimRunPost(tenant: Tenant, communityId: string, runId: string, now: string, until: string): Promise<boolean> {
    const outcome = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: runKey(tenant, communityId, runId),
        UpdateExpression: 'SET postingUntil = :until',
        // An attempt that died mid-post holds it only until its lease ends.
        ConditionExpression:
          'attribute_exists(sk) AND attribute_not_exists(messageId) AND (attribute_not_exists(postingUntil) OR postingUntil < :now)',
        ExpressionAttributeValues: { ':until': until, ':now': now },
      }),
    );
    return outcome === 'saved';
  }

  async releaseRunPost(tenant: Tenant, communityId: string, runId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({ TableName: this.tableName, Key: runKey(tenant, communityId, runId), UpdateExpression: 'REMOVE postingUntil' }),
    );
  }

  async setRunMessage(tenant: Tenant, communityId: string, runId: string, messageId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: runKey(tenant, communityId, runId),
        UpdateExpression: 'SET messageId = :id, #status = :posted REMOVE postingUntil',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':id': messageId, ':posted': 'posted' },
      }),
    );
  }

  skip(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<'saved' | 'missing'> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: runKey(tenant, communityId, runId),
        UpdateExpression: 'ADD skipped :user',
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeValues: { ':user': new Set([userId]) },
      }),
    );
  }

  async answer(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<StandupAnswer | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: answerKey(tenant, communityId, runId, userId) }));
    return Item ? fromAnswerItem(Item) : undefined;
  }

  async saveAnswer(tenant: Tenant, answer: StandupAnswer): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: toAnswerItem(tenant, answer) }));
  }

  async answers(tenant: Tenant, communityId: string, runId: string): Promise<StandupAnswer[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), `${answersPrefix(communityId)}${runId}#`), 500);
    return items.map(fromAnswerItem);
  }

  async answersBetween(tenant: Tenant, communityId: string, from: string, to: string, limit: number): Promise<StandupAnswer[]> {
    const prefix = answersPrefix(communityId);
    const items = await queryAll(
      this.db,
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        // Run ids start with their date, so `~` (after every id character) closes the last day.
        ExpressionAttributeValues: { ':pk': tenantKey(tenant), ':from': `${prefix}${from}`, ':to': `${prefix}${to}~` },
      },
      limit,
    );
    return items.map(fromAnswerItem);
  }

  private async conditional(command: UpdateCommand): Promise<'saved' | 'missing'> {
    try {
      await this.db.send(command);
      return 'saved';
    } catch (error) {
      if (conditionFailed(error)) return 'missing';
      throw error;
    }
  }
}
