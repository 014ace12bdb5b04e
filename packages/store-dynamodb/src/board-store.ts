import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Board, BoardStore, Tenant } from '@organizer/core';
import { communityKey } from './entities/community.ts';

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * `BoardStore` on the community's settings item (so resolving the community reads the board too: no
 * read of its own). Every write is conditional on the board it means, so racing commands and jobs post
 * once, and a job for a board that was stopped or replaced changes nothing.
 */
export class DynamoBoardStore implements BoardStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async update(tenant: Tenant, communityId: string, input: Record<string, unknown>): Promise<boolean> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: communityKey(tenant, communityId), ...input }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async start(tenant: Tenant, communityId: string, board: Board): Promise<'started' | 'exists' | 'missing'> {
    const started = await this.update(tenant, communityId, {
      UpdateExpression: 'SET board = :board',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(board)',
      ExpressionAttributeValues: { ':board': { channelId: board.channelId, since: board.since, by: board.by } },
    });
    return started ? 'started' : 'exists';
  }

  async placed(tenant: Tenant, communityId: string, since: string, messageId: string): Promise<'saved' | 'gone'> {
    const saved = await this.update(tenant, communityId, {
      UpdateExpression: 'SET board.messageId = :message',
      ConditionExpression: 'board.since = :since',
      ExpressionAttributeValues: { ':message': messageId, ':since': since },
    });
    return saved ? 'saved' : 'gone';
  }

  async forget(tenant: Tenant, communityId: string, since: string): Promise<'forgotten' | 'gone'> {
    const forgotten = await this.update(tenant, communityId, {
      UpdateExpression: 'REMOVE board',
      ConditionExpression: 'board.since = :since',
      ExpressionAttributeValues: { ':since': since },
    });
    return forgotten ? 'forgotten' : 'gone';
  }
}
