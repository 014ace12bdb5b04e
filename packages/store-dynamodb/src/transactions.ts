import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { backoff, type SaveResult, sleep } from '@organizer/core';

/**
 * Runs a versioned write as one transaction whose first item guards the parent (the community or a
 * story head). A failed guard means 'conflict' when the guarded item exists (someone saved a newer
 * version meanwhile) and 'missing' when it does not.
 */
export async function transactVersioned(
  db: DynamoDBDocumentClient,
  items: NonNullable<TransactWriteCommandInput['TransactItems']>,
): Promise<SaveResult> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const guard = reasons[0];
    if (guard?.Code === 'ConditionalCheckFailed') return guard.Item ? 'conflict' : 'missing';
    // A version item that already exists: another save of the same version won the race.
    if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) return 'conflict';
    throw error;
  }
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Puts a new item and counts it on its community in one transaction (the counter keeps `status` one
 * read). 'missing' when the community is gone; the item's own condition makes a repeat a failure.
 */
export async function putCounted(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  count: TransactItem,
): Promise<'saved' | 'missing'> {
  try {
    await db.send(
      new TransactWriteCommand({
        TransactItems: [count, { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(sk)' } }],
      }),
    );
    return 'saved';
  } catch (error) {
    if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
      return 'missing';
    throw error;
  }
}

/**
 * Transactions on one item collide as TransactionConflict when people act at the same moment (votes on one
 * decision, joins to one coalition). Tried again with full-jitter backoff: 10 tries wait about half a second
 * in all (at most about a second), well inside the platforms' 3 seconds.
 */
const CONFLICT_TRIES = 10;
export const conflictWait = (attempt: number) => backoff(attempt, 10, 200);

const isConflict = (error: unknown) =>
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') &&
    !(error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed')) ||
  (error as { name?: string })?.name === 'TransactionConflictException';

/** One transaction, tried again while it only collided with another (a failed condition is final, and thrown). */
export async function transactRetrying(db: DynamoDBDocumentClient, items: TransactItem[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (attempt >= CONFLICT_TRIES || !isConflict(error)) throw error;
      await sleep(conflictWait(attempt));
    }
  }
}
