import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the table lives; `endpoint` points at DynamoDB Local, absent on AWS. */
export interface DynamoConfig {
  readonly tableName: string;
  readonly region: string;
  readonly endpoint?: string;
}

/**
 * How long one call may take. The platforms give a request 3 seconds, so a database that does not answer
 * (frozen, unreachable) must fail the call well inside that window and leave time for the friendly reply.
 * DynamoDB answers in milliseconds; the margins are for DynamoDB Local on a busy laptop.
 */
export const dynamoTimeouts = {
  /** TCP connect. A refused connection fails at once anyway; this bounds an address that never answers. */
  connectionMs: 1000,
  /** One attempt, from sending to the whole answer. */
  attemptMs: 2000,
  /** The whole call, retries included: an attempt that timed out is not followed by another that would end after 3 s. */
  callMs: 2200,
  /** Quick retries still help with throttling, a 5xx or a connection refused while DynamoDB Local restarts. */
  maxAttempts: 3,
} as const;

type Send = (command: unknown, options?: unknown, callback?: unknown) => Promise<unknown>;

/** A document client that drops `undefined` attributes instead of failing on them, and never waits past {@link dynamoTimeouts}. */
export function createDocumentClient(config: DynamoConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint
      ? // DynamoDB Local accepts any credentials made of letters and digits only.
        { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: dynamoTimeouts.maxAttempts,
    // Options, not a handler instance: the SDK builds its own NodeHttpHandler from them, so nothing more is imported.
    // Without throwOnRequestTimeout the request timeout only logs a warning and the call waits on.
    requestHandler: {
      connectionTimeout: dynamoTimeouts.connectionMs,
      requestTimeout: dynamoTimeouts.attemptMs,
      throwOnRequestTimeout: true,
    },
  });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  // The SDK has no deadline across attempts; an abort signal per call is one. A caller's own signal wins.
  const send = db.send.bind(db) as Send;
  (db as unknown as { send: Send }).send = (command, options, callback) =>
    typeof options === 'function' || (options as { abortSignal?: unknown } | undefined)?.abortSignal
      ? send(command, options, callback)
      : send(command, { ...(options as object), abortSignal: AbortSignal.timeout(dynamoTimeouts.callMs) });
  return db;
}
