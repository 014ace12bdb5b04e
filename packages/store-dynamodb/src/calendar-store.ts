import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarStore, FeedSource, Locale, Tenant } from '@organizer/core';
import { calendarKey, toCalendarItem } from './entities/calendar.ts';
import { communityKey } from './entities/community.ts';

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/** `CalendarStore` on the one table: one small item per community that handed out feed links. */
export class DynamoCalendarStore implements CalendarStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async feedKey(tenant: Tenant, communityId: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: calendarKey(tenant, communityId), ProjectionExpression: 'feedKey' }),
    );
    return typeof Item?.feedKey === 'string' ? Item.feedKey : undefined;
  }

  async createFeedKey(tenant: Tenant, communityId: string, key: string, at: string): Promise<'saved' | 'exists'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toCalendarItem(tenant, communityId, key, at),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async resetFeedKey(tenant: Tenant, communityId: string, key: string, previous: string, at: string): Promise<'saved' | 'conflict'> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: toCalendarItem(tenant, communityId, key, at),
          // Two leaders resetting at once: one new key wins, the other is told the winner's.
          ConditionExpression: 'feedKey = :previous',
          ExpressionAttributeValues: { ':previous': previous },
        }),
      );
      return 'saved';
    } catch (error) {
      if (isConditionFailure(error)) return 'conflict';
      throw error;
    }
  }

  async feedSource(tenant: Tenant, communityId: string): Promise<FeedSource | undefined> {
    const keys = [communityKey(tenant, communityId), calendarKey(tenant, communityId)];
    const items: Record<string, unknown>[] = [];
    let request: Record<string, unknown>[] = keys;
    // BatchGet may leave keys unprocessed under load: asked again until none are left.
    while (request.length > 0) {
      const result = await this.db.send(
        new BatchGetCommand({
          RequestItems: {
            [this.tableName]: {
              Keys: request,
              ProjectionExpression: 'sk, #name, #locale, feedKey',
              ExpressionAttributeNames: { '#name': 'name', '#locale': 'locale' },
            },
          },
        }),
      );
      items.push(...(result.Responses?.[this.tableName] ?? []));
      request = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
    }
    const community = items.find((item) => item.sk === keys[0]?.sk);
    const calendar = items.find((item) => item.sk === keys[1]?.sk);
    if (!community || typeof calendar?.feedKey !== 'string') return undefined;
    return {
      name: String(community.name ?? ''),
      ...(typeof community.locale === 'string' ? { locale: community.locale as Locale } : {}),
      key: calendar.feedKey,
    };
  }
}
