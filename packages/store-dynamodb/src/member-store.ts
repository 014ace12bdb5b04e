import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Member, MemberAct, MemberStore, Tenant } from '@organizer/core';
import { countMemberAct, fromMemberItem, memberKey, membersPrefix } from './entities/member.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, queryAll } from './query.ts';

/** `MemberStore` on the one table: one small item per member who set something. */
export class DynamoMemberStore implements MemberStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async members(tenant: Tenant, communityId: string): Promise<Member[]> {
    const items = await queryAll(this.db, byPrefix(this.tableName, tenantKey(tenant), membersPrefix(communityId)), 5000);
    return items.map(fromMemberItem);
  }

  async member(tenant: Tenant, communityId: string, userId: string): Promise<Member | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: memberKey(tenant, communityId, userId) }));
    return Item ? fromMemberItem(Item) : undefined;
  }

  async setTimezone(tenant: Tenant, communityId: string, userId: string, zone: string): Promise<void> {
    await this.set(tenant, communityId, userId, 'SET #timezone = :v, userId = :user, entity = :entity', { ':v': zone });
  }

  async setAway(tenant: Tenant, communityId: string, userId: string, until: string | undefined): Promise<void> {
    await this.set(
      tenant,
      communityId,
      userId,
      until ? 'SET awayUntil = :v, userId = :user, entity = :entity' : 'SET userId = :user, entity = :entity REMOVE awayUntil',
      until ? { ':v': until } : {},
    );
  }

  private async set(tenant: Tenant, communityId: string, userId: string, expression: string, values: Record<string, unknown>) {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: memberKey(tenant, communityId, userId),
        UpdateExpression: expression,
        // TIMEZONE is a DynamoDB reserved word.
        ...(expression.includes('#timezone') ? { ExpressionAttributeNames: { '#timezone': 'timezone' } } : {}),
        ExpressionAttributeValues: { ...values, ':user': userId, ':entity': 'Member' },
      }),
    );
  }

  async count(tenant: Tenant, communityId: string, userIds: readonly string[], act: MemberAct): Promise<void> {
    await Promise.all(
      userIds.map((userId) => this.db.send(new UpdateCommand(countMemberAct(this.tableName, tenant, communityId, userId, act).Update))),
    );
  }

  async welcome(tenant: Tenant, communityId: string, userId: string, at: string): Promise<'welcomed' | 'already'> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: memberKey(tenant, communityId, userId),
          UpdateExpression: 'SET welcomedAt = :at, userId = :user, entity = :entity',
          ConditionExpression: 'attribute_not_exists(welcomedAt)',
          ExpressionAttributeValues: { ':at': at, ':user': userId, ':entity': 'Member' },
        }),
      );
      return 'welcomed';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'already';
      throw error;
    }
  }
}
