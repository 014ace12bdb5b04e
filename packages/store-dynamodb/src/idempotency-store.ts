import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { toIdempotencyItem } from './entities/idempotency.ts';

/**
 * Claims a platform delivery once. Returns false when it was already claimed and has not expired,
 * so a retried delivery repeats no side effect. An expired claim may be taken again.
 */
export async function claimOnce(db: DynamoDBDocumentClient, tableName: string, scope: string, key: string, now: Date): Promise<boolean> {
  const item = toIdempotencyItem(scope, key, now);
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
        ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
