import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the table lives; `endpoint` points at DynamoDB Local, absent on AWS. */
export interface DynamoConfig {
  readonly tableName: string;
  readonly region: string;
  readonly endpoint?: string;
}

/** A document client that drops `undefined` attributes instead of failing on them. */
export function createDocumentClient(config: DynamoConfig): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.endpoint
      ? // DynamoDB Local accepts any credentials made of letters and digits only.
        { endpoint: config.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 3,
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
