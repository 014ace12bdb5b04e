import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CODE_TRIES, CODE_TTL_MS, type CodeStore, type IssuedCode, type Tenant } from '@organizer/core';
import { codeKey, fromCodeItem, toCodeItem, triesExpiry, triesKey, triesWindow } from './entities/code.ts';

type Place = { readonly tenant: Tenant; readonly channelId: string };

/**
 * `CodeStore` on the one table. A code is used up by a conditional delete, so of any number of simultaneous
 * redemptions exactly one gets it; failed tries are counted per place (tenant and channel) and window, so
 * ten characters of Crockford base32 (about 50 bits) at five tries a quarter of an hour cannot be guessed.
 */
export class DynamoCodeStore implements CodeStore {
  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** A leftover past its time (DynamoDB's TTL deletes late, or never locally) may be drawn again. */
  async issue(code: string, issued: IssuedCode): Promise<'issued' | 'exists'> {
    const item = toCodeItem(code, issued);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :issuedAt',
          ExpressionAttributeValues: { ':issuedAt': Math.floor((Date.parse(issued.expiresAt) - CODE_TTL_MS) / 1000) },
        }),
      );
      return 'issued';
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'exists';
      throw error;
    }
  }

  /** One read (the place's tries) and one write (the delete); a failure writes once more, its count. */
  async redeem(
    code: string,
    place: Place,
    now: Date,
  ): Promise<{ kind: 'ok'; issued: IssuedCode } | { kind: 'unknown' | 'expired' | 'tooMany' }> {
    const window = triesWindow(now);
    const { Item: tries } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: triesKey(place, window), ConsistentRead: true }),
    );
    if (((tries?.tries as number | undefined) ?? 0) >= CODE_TRIES) return { kind: 'tooMany' };
    try {
      const { Attributes } = await this.db.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: codeKey(code),
          ConditionExpression: 'attribute_exists(pk)',
          ReturnValues: 'ALL_OLD',
        }),
      );
      const issued = fromCodeItem(Attributes ?? {});
      if (Date.parse(issued.expiresAt) > now.getTime()) return { kind: 'ok', issued };
      await this.countFailure(place, window);
      return { kind: 'expired' };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      await this.countFailure(place, window);
      return { kind: 'unknown' };
    }
  }

  private async countFailure(place: Place, window: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: triesKey(place, window),
        UpdateExpression: 'ADD tries :one SET entity = :entity, expiresAt = :expiry',
        ExpressionAttributeValues: { ':one': 1, ':entity': 'CodeTries', ':expiry': triesExpiry(window) },
      }),
    );
  }
}
