import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { InstallationRecord, InstallationRecords, Tenant } from '@organizer/core';
import { tenantKey } from './keys.ts';

type Platform = Tenant['platform'];

/** An installation lives in its tenant's own partition (`slack#T…`, or `slack#E…` for an organization). */
const recordKey = (platform: Platform, key: string) => ({ pk: tenantKey({ platform, id: key }), sk: 'INSTALL' });
const aliasKey = (platform: Platform, key: string) => ({ pk: tenantKey({ platform, id: key }), sk: 'INSTALL#ALIAS' });

/** `InstallationRecords` on the one table: one item per install, the credentials already sealed. */
export class DynamoInstallationStore implements InstallationRecords {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(record: InstallationRecord): Promise<void> {
    // A reinstall (new scopes, new token) replaces the old one whole.
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...recordKey(record.platform, record.key),
          entity: 'Installation',
          platform: record.platform,
          installKey: record.key,
          sealed: record.sealed,
          installedAt: record.installedAt,
          ...(record.installerId ? { installerId: record.installerId } : {}),
        },
      }),
    );
  }

  async get(platform: Platform, key: string): Promise<InstallationRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: recordKey(platform, key), ConsistentRead: true }));
    if (!Item || typeof Item.sealed !== 'string') return undefined;
    return {
      platform,
      key,
      sealed: Item.sealed,
      installedAt: String(Item.installedAt ?? ''),
      ...(typeof Item.installerId === 'string' ? { installerId: Item.installerId } : {}),
    };
  }

  async remove(platform: Platform, key: string): Promise<boolean> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: recordKey(platform, key), ReturnValues: 'ALL_OLD' }),
    );
    return Attributes !== undefined;
  }

  async alias(platform: Platform, key: string, target: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...aliasKey(platform, key), entity: 'InstallationAlias', target } }),
    );
  }

  async aliasOf(platform: Platform, key: string): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: aliasKey(platform, key) }));
    return typeof Item?.target === 'string' ? Item.target : undefined;
  }
}
