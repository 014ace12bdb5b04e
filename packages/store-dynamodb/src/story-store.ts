import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SaveResult, StoryHead, StoryShare, StoryStore, StoryVersion, Tenant, VersionKind } from '@organizer/core';
import { communityKey } from './entities/community.ts';
import {
  fromHeadItem,
  type SelfStoryHeadItem,
  selfStoryKey,
  storyVersionKey,
  storyVersionsPrefix,
  toSelfStoryHeadItem,
  toStoryVersionItem,
  versionFields,
} from './entities/story.ts';
import { tenantKey } from './keys.ts';
import { deleteAll } from './query.ts';
import { transactVersioned } from './transactions.ts';

/** `StoryStore` on the one table: versions are immutable items, heads move forward under conditions. */
export class DynamoStoryStore implements StoryStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async selfStory(tenant: Tenant, communityId: string, memberId: string): Promise<StoryHead | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: selfStoryKey(tenant, communityId, memberId) }));
    return Item ? fromHeadItem(Item as SelfStoryHeadItem) : undefined;
  }

  saveStory(tenant: Tenant, communityId: string, story: StoryHead): Promise<SaveResult> {
    const previous = story.version - 1;
    const version = {
      Put: {
        TableName: this.tableName,
        Item: toStoryVersionItem(tenant, communityId, story),
        ConditionExpression: 'attribute_not_exists(sk)',
      },
    };
    if (story.kind !== 'self') {
      return transactVersioned(this.db, [
        {
          Update: {
            TableName: this.tableName,
            Key: communityKey(tenant, communityId),
            UpdateExpression: 'SET stories.#kind = :head, updatedAt = :at',
            // Only the next version moves the head: two leaders saving at once cannot lose a telling.
            ConditionExpression: `attribute_exists(pk) AND ${previous === 0 ? 'attribute_not_exists(stories.#kind)' : 'stories.#kind.version = :previous'}`,
            ExpressionAttributeNames: { '#kind': story.kind },
            ExpressionAttributeValues: { ':head': story, ':at': story.createdAt, ...(previous === 0 ? {} : { ':previous': previous }) },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        version,
      ]);
    }
    return transactVersioned(this.db, [
      {
        Update: {
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          // A set: saving again, or a retried save, counts the member once.
          UpdateExpression: 'ADD selfAuthors :member',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':member': new Set([story.owner]) },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: toSelfStoryHeadItem(tenant, communityId, story),
          ConditionExpression: previous === 0 ? 'attribute_not_exists(sk)' : 'version = :previous',
          ...(previous === 0 ? {} : { ExpressionAttributeValues: { ':previous': previous } }),
        },
      },
      version,
    ]);
  }

  async versions(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, limit: number): Promise<StoryVersion[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantKey(tenant), ':prefix': storyVersionsPrefix(communityId, kind, owner) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map((item) => versionFields(item as StoryVersion));
  }

  async version(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, version: number): Promise<StoryVersion | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: storyVersionKey(tenant, communityId, kind, owner, version) }),
    );
    return Item ? versionFields(Item as StoryVersion) : undefined;
  }

  async markShared(tenant: Tenant, communityId: string, head: StoryHead, share: StoryShare): Promise<'saved' | 'missing'> {
    const onCommunity = head.kind !== 'self';
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: onCommunity ? communityKey(tenant, communityId) : selfStoryKey(tenant, communityId, head.owner),
          UpdateExpression: onCommunity ? 'SET stories.#kind.#share = :share' : 'SET #share = :share',
          ConditionExpression: onCommunity ? 'attribute_exists(stories.#kind)' : 'attribute_exists(sk)',
          ExpressionAttributeNames: { '#share': 'share', ...(onCommunity ? { '#kind': head.kind } : {}) },
          ExpressionAttributeValues: { ':share': share },
        }),
      );
      return 'saved';
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return 'missing';
      throw error;
    }
  }

  async deleteSelf(tenant: Tenant, communityId: string, memberId: string): Promise<number> {
    const keys: Record<string, string>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': tenantKey(tenant), ':prefix': storyVersionsPrefix(communityId, 'self', memberId) },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: start,
        }),
      );
      keys.push(...((page.Items ?? []) as Record<string, string>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    const all = [...keys, selfStoryKey(tenant, communityId, memberId)];
    await deleteAll(this.db, this.tableName, all);
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: communityKey(tenant, communityId),
          UpdateExpression: 'DELETE selfAuthors :member',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':member': new Set([memberId]) },
        }),
      )
      .catch((error: { name?: string }) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
    return keys.length;
  }
}
