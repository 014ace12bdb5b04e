import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale, Profile, ProfileStore, Tenant } from '@organizer/core';
import { fromProfileItem, PROFILE_PREFIX, profileKey } from './entities/profile.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, deleteAll, queryAll } from './query.ts';
import { writingDirectly } from './unit-of-work.ts';

/** BatchGetItem's limit per request. */
const BATCH = 100;

/** `ProfileStore` on the one table: one small item per person who chose a language or was seen with one. */
export class DynamoProfileStore implements ProfileStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async profile(tenant: Tenant, userId: string): Promise<Profile | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: profileKey(tenant, userId) }));
    return Item ? fromProfileItem(Item) : undefined;
  }

  async profiles(tenant: Tenant, userIds: readonly string[]): Promise<Profile[]> {
    const unique = [...new Set(userIds)];
    const found: Profile[] = [];
    for (let i = 0; i < unique.length; i += BATCH) {
      let keys: Record<string, unknown>[] = unique.slice(i, i + BATCH).map((id) => profileKey(tenant, id));
      // What DynamoDB leaves unprocessed under load is asked again until none remain.
      for (let round = 0; keys.length > 0 && round < 10; round++) {
        const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
        found.push(...(result.Responses?.[this.tableName] ?? []).map(fromProfileItem));
        keys = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return found;
  }

  async setLocale(tenant: Tenant, userId: string, locale: Locale | undefined): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: profileKey(tenant, userId),
        UpdateExpression: locale
          ? 'SET #locale = :locale, userId = :user, entity = :entity'
          : 'SET userId = :user, entity = :entity REMOVE #locale',
        ExpressionAttributeNames: { '#locale': 'locale' },
        ExpressionAttributeValues: { ...(locale ? { ':locale': locale } : {}), ':user': userId, ':entity': 'Profile' },
      }),
    );
  }

  async erase(tenant: Tenant): Promise<number> {
    const items = await queryAll(this.db, {
      ...byPrefix(this.tableName, tenantKey(tenant), PROFILE_PREFIX),
      ProjectionExpression: 'pk, sk',
    });
    await deleteAll(
      this.db,
      this.tableName,
      items.map((item) => ({ pk: item.pk, sk: item.sk })),
    );
    return items.length;
  }

  /**
   * Written at once, outside the command's held transaction: it records what the platform said, not what the
   * command decided, so it is right whatever becomes of the command (and never meets the command's own write
   * of the same item, `lang me`, in one transaction).
   */
  async rememberSeen(tenant: Tenant, userId: string, locale: Locale, at: string): Promise<void> {
    await writingDirectly(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: profileKey(tenant, userId),
          UpdateExpression: 'SET seenLocale = :locale, seenAt = :at, userId = :user, entity = :entity',
          ExpressionAttributeValues: { ':locale': locale, ':at': at, ':user': userId, ':entity': 'Profile' },
        }),
      ),
    );
  }
}
