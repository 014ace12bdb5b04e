import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, ensureTable } from '@organizer/store-dynamodb';
import { inject } from 'vitest';

/** A fresh table on the run's DynamoDB Local, for one test file. */
export async function createTestTable(label: string): Promise<{ db: DynamoDBDocumentClient; tableName: string; endpoint: string }> {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `${label.replace(/[^A-Za-z0-9_.-]/g, '-')}-${randomUUID().slice(0, 8)}`;
  const db = createDocumentClient({ tableName, region: 'local', endpoint });
  await ensureTable(db, tableName);
  return { db, tableName, endpoint };
}

/** Every item in the table: tests look at what was really written (Scan is fine in tests, never on request paths). */
export async function allItems(db: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const result = await db.send(new ScanCommand({ TableName: tableName }));
  return result.Items ?? [];
}

/**
 * The rows a user's acts made, without the interactions' own records (what a repeat of an interaction
 * finds: its first reply), which tests of repeats assert on their own.
 */
export async function stateItems(db: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  return (await allItems(db, tableName)).filter((item) => item.entity !== 'Interaction');
}
