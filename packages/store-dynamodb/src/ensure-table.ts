import { CreateTableCommand, DescribeTableCommand, ResourceInUseException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keyAttributes, tableDefinition } from './table.ts';

const { gsi1 } = tableDefinition.indexes;

function createTable(tableName: string): CreateTableCommand {
  return new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: gsi1.partitionKey, KeyType: 'HASH' },
          { AttributeName: gsi1.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  });
}

/**
 * A 4xx other than throttling will answer the same way however often it is asked; so does DynamoDB Local's
 * InternalFailure (a damaged database file), which the SDK has already retried.
 */
function isFinal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = (error as { name?: string }).name ?? '';
  if (name === 'InternalFailure') return true;
  return status !== undefined && status >= 400 && status < 500 && !/Throttl|LimitExceeded/.test(name);
}

/** What went wrong, in a few words: the SDK's message, or the network error's code. */
export function describeDynamoError(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'no answer in time';
  if (code === 'ECONNREFUSED') return 'connection refused';
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}${code ? ` (${code})` : ''}`.slice(0, 300);
}

/**
 * Creates the table when missing. Only for DynamoDB Local: on AWS the CDK stack owns the table.
 * A freshly started DynamoDB Local may be slow to answer its first calls, so each call may take longer
 * than a request's, and unanswered or failed calls are retried until `deadlineMs`; then it throws,
 * saying why, rather than leaving `npm start` waiting with nothing on the screen.
 */
export async function ensureTable(db: DynamoDBDocumentClient, tableName: string, options: { deadlineMs?: number } = {}): Promise<void> {
  const deadlineMs = options.deadlineMs ?? 30_000;
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const call = { abortSignal: AbortSignal.timeout(Math.max(1, Math.min(10_000, deadline - Date.now()))), requestTimeout: 10_000 };
    try {
      try {
        await db.send(new DescribeTableCommand({ TableName: tableName }), call);
        return;
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
      await db.send(createTable(tableName), call);
      return;
    } catch (error) {
      // Two processes starting together, or an earlier attempt that timed out after all: the table is there.
      if (error instanceof ResourceInUseException) return;
      if (isFinal(error)) throw new Error(`table ${tableName} could not be created: ${describeDynamoError(error)}`);
      last = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`table ${tableName} was not ready within ${Math.round(deadlineMs / 1000)} s (${describeDynamoError(last)})`);
}

/** Whether the table answers now: one DescribeTable with a short deadline (for a readiness check). */
export async function tableReady(
  db: DynamoDBDocumentClient,
  tableName: string,
  deadlineMs = 1000,
): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }> {
  try {
    const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }), {
      abortSignal: AbortSignal.timeout(deadlineMs),
      requestTimeout: deadlineMs,
    });
    if (Table?.TableStatus === 'ACTIVE' || Table?.TableStatus === 'UPDATING') return { ok: true };
    return { ok: false, reason: `table ${tableName} is ${Table?.TableStatus ?? 'in an unknown state'}` };
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return { ok: false, reason: `table ${tableName} does not exist` };
    return { ok: false, reason: `database: ${describeDynamoError(error)}` };
  }
}
