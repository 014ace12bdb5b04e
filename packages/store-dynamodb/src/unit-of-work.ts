import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** How many state writes a command may hold back; past it they go out at once (the rest of the command writes directly). */
const HELD_AT_MOST = 60;

/** The writes a command made, held back to be committed in one transaction with its outbox items. */
class UnitOfWork {
  readonly items: TransactItem[] = [];
  /** Once a write needed its answer (or too many were held), the rest of the command writes directly. */
  direct = false;
}

const current = new AsyncLocalStorage<UnitOfWork>();

/** Thrown when held writes could not be sent as they were: the command is run again, writing directly. */
export class HeldWritesConflict extends Error {
  readonly code = 'STORE.HELD_WRITES_CONFLICT';
  constructor(cause: unknown) {
    super('the writes a command held back conflict with the table now', { cause });
    this.name = 'HeldWritesConflict';
  }
}

/** A transaction that failed on a condition, or that DynamoDB refused as a whole (two operations on one item). */
export function isHeldWritesConflict(error: unknown): boolean {
  if (error instanceof HeldWritesConflict || error instanceof TransactionCanceledException) return true;
  const e = error as { name?: string; message?: string };
  return e?.name === 'ValidationException' && /multiple operations on one item/i.test(e.message ?? '');
}

const asItems = (command: unknown): TransactItem[] | undefined => {
  if (command instanceof PutCommand) return [{ Put: command.input as never }];
  if (command instanceof UpdateCommand) return [{ Update: command.input as never }];
  if (command instanceof DeleteCommand) return [{ Delete: command.input as never }];
  if (command instanceof TransactWriteCommand) return [...(command.input.TransactItems ?? [])];
  if (command instanceof BatchWriteCommand)
    return Object.entries(command.input.RequestItems ?? {}).flatMap(([TableName, requests]) =>
      requests.flatMap((r): TransactItem[] =>
        r.PutRequest
          ? [{ Put: { TableName, Item: r.PutRequest.Item as never } }]
          : r.DeleteRequest
            ? [{ Delete: { TableName, Key: r.DeleteRequest.Key as never } }]
            : [],
      ),
    );
  return undefined;
};

/** A write whose answer the caller reads (ReturnValues) cannot be held: its answer is needed now. */
const needsAnswer = (command: unknown) => {
  const returns = (command as { input?: { ReturnValues?: string } }).input?.ReturnValues;
  return returns !== undefined && returns !== 'NONE';
};

const held = new WeakSet<DynamoDBDocumentClient>();

/**
 * Lets this client hold back writes made inside {@link holdWrites}: reads go out as usual, writes are
 * kept (answered as if they succeeded) for the caller to commit in one transaction. Outside it, nothing changes.
 */
export function allowHeldWrites(db: DynamoDBDocumentClient): DynamoDBDocumentClient {
  if (held.has(db)) return db;
  held.add(db);
  const send = db.send.bind(db) as (command: unknown, ...rest: unknown[]) => Promise<unknown>;
  (db as { send: unknown }).send = async (command: unknown, ...rest: unknown[]) => {
    const unit = current.getStore();
    const items = unit && !unit.direct ? asItems(command) : undefined;
    if (!unit || !items) return send(command, ...rest);
    if (needsAnswer(command) || unit.items.length + items.length > HELD_AT_MOST) {
      // Send what was held first (in order), then this one and the rest of the command directly.
      unit.direct = true;
      if (unit.items.length > 0) {
        try {
          await send(new TransactWriteCommand({ TransactItems: unit.items.splice(0) }));
        } catch (error) {
          if (isHeldWritesConflict(error)) throw new HeldWritesConflict(error);
          throw error;
        }
      }
      return send(command, ...rest);
    }
    unit.items.push(...items);
    return command instanceof BatchWriteCommand ? { UnprocessedItems: {} } : {};
  };
  return db;
}

/** Runs `work` with its writes held back; returns its value and the writes still held (to commit). */
export async function holdWrites<T>(work: () => Promise<T>): Promise<{ value: T; writes: TransactItem[] }> {
  const unit = new UnitOfWork();
  const value = await current.run(unit, work);
  return { value, writes: unit.items };
}

/** Runs `work` with every write sent at once (outside any held unit: the outbox's own bookkeeping). */
export const writingDirectly = <T>(work: () => Promise<T>): Promise<T> => current.exit(work);
