import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale, Profile, ProfileStore, Tenant } from '@organizer/core';
import { fromProfileItem, PROFILE_PREFIX, profileKey } from './entities/profile.ts';
import { tenantKey } from './keys.ts';
import { byPrefix, deleteAll, queryAll } from './query.ts';
import { writingDirectly } from './unit-of-work.ts';

/** BatchGetItem's limit per request. */
const BATCH = 100;

/**
 * How long a profile read is reused by this process. Every command needs its reader's language, and a
 * command's budget is two reads (its community's): a person's commands within this window cost none.
 * This process's own writes update it at once; another process's show within this long.
 */
export const PROFILE_CACHE_MS = 60_000;
/** Bounded, so a busy process does not remember everyone it ever served. */
const PROFILE_CACHE_MAX = 20_000;

/** `ProfileStore` on the one table: one small item per person who chose a language or was seen with one. */
export class DynamoProfileStore implements ProfileStore {
  private readonly cache = new Map<string, { profile: Profile | undefined; at: number }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date,
  ) {}

  private remember(tenant: Tenant, userId: string, profile: Profile | undefined): void {
    const key = `${tenantKey(tenant)}|${userId}`;
    this.cache.delete(key);
    this.cache.set(key, { profile, at: this.now().getTime() });
    // A Map keeps insertion order: the first key is the oldest entry.
    while (this.cache.size > PROFILE_CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
  }

  async profile(tenant: Tenant, userId: string): Promise<Profile | undefined> {
    const cached = this.cache.get(`${tenantKey(tenant)}|${userId}`);
    if (cached && this.now().getTime() - cached.at < PROFILE_CACHE_MS) return cached.profile;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: profileKey(tenant, userId) }));
    const profile = Item ? fromProfileItem(Item) : undefined;
    this.remember(tenant, userId, profile);
    return profile;
  }

  async known(tenant: Tenant, userId: string): Promise<Profile | undefined> {
    const cached = this.cache.get(`${tenantKey(tenant)}|${userId}`);
    return cached && this.now().getTime() - cached.at < PROFILE_CACHE_MS ? cached.profile : undefined;
  }

  /** Always read (jobs, not commands: they run apart, and a stand-up's hundreds of people are one batched read). */
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
    // Kept for a while like single reads: the worker asks again whether each person it just messaged opened
    // their Home (see `home/follow.ts`), and a stand-up's hundreds of people then cost no read more.
    const byUser = new Map(found.map((profile) => [profile.userId, profile]));
    for (const userId of unique) this.remember(tenant, userId, byUser.get(userId));
    return found;
  }

  async setLocale(tenant: Tenant, userId: string, locale: Locale | undefined): Promise<void> {
    // Forgotten rather than updated: the write may be held in the command's transaction, which may not commit.
    this.cache.delete(`${tenantKey(tenant)}|${userId}`);
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
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${tenantKey(tenant)}|`)) this.cache.delete(key);
    await deleteAll(
      this.db,
      this.tableName,
      items.map((item) => ({ pk: item.pk, sk: item.sk })),
    );
    return items.length;
  }

  /** Written at once, like `rememberSeen`: it records what the platform said (the tab was opened), not a decision. */
  async rememberHome(tenant: Tenant, userId: string, at: string): Promise<void> {
    if ((await this.known(tenant, userId))?.homeAt) return;
    await writingDirectly(() =>
      this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: profileKey(tenant, userId),
          UpdateExpression: 'SET homeAt = if_not_exists(homeAt, :at), userId = :user, entity = :entity',
          ExpressionAttributeValues: { ':at': at, ':user': userId, ':entity': 'Profile' },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    ).then(({ Attributes }) => this.remember(tenant, userId, Attributes ? fromProfileItem(Attributes) : undefined));
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
          ReturnValues: 'ALL_NEW',
        }),
      ),
    ).then(({ Attributes }) => this.remember(tenant, userId, Attributes ? fromProfileItem(Attributes) : undefined));
  }
}
