import type { Tenant } from '@organizer/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoProfileStore, PROFILE_CACHE_MS } from './profile-store.ts';

const tenant: Tenant = { platform: 'discord', id: 'G1' };
const other: Tenant = { platform: 'discord', id: 'G2' };

describe('DynamoProfileStore', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  let store: DynamoProfileStore;
  beforeAll(async () => {
    table = await createTestTable('profile-store');
    store = new DynamoProfileStore(table.db, table.tableName, clock);
  });

  it('keeps a chosen language apart from the one the platform reported, per tenant', async () => {
    await store.rememberSeen(tenant, 'U1', 'ru', '2026-12-01T10:00:00.000Z');
    await store.setLocale(tenant, 'U1', 'en');
    expect(await store.profile(tenant, 'U1')).toEqual({ userId: 'U1', locale: 'en', seenLocale: 'ru', seenAt: '2026-12-01T10:00:00.000Z' });
    expect(await store.profile(other, 'U1')).toBeUndefined();
    await store.setLocale(tenant, 'U1', undefined);
    expect(await store.profile(tenant, 'U1')).toEqual({ userId: 'U1', seenLocale: 'ru', seenAt: '2026-12-01T10:00:00.000Z' });
  });

  it('reads many in batches of a hundred, leaving out people without a profile', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `M${i}`);
    await Promise.all(ids.filter((_, i) => i % 3 === 0).map((id) => store.rememberSeen(tenant, id, 'ru', '2026-12-01T10:00:00.000Z')));
    const found = await store.profiles(tenant, [...ids, ...ids]);
    expect(found.map((p) => p.userId).sort()).toEqual(ids.filter((_, i) => i % 3 === 0).sort());
  });

  it('reuses a read for a minute, sees its own writes at once, and another process’s after the minute', async () => {
    expect(await store.profile(tenant, 'U2')).toBeUndefined();
    // Another process writes: this one still answers from its read…
    const elsewhere = new DynamoProfileStore(table.db, table.tableName, clock);
    await elsewhere.setLocale(tenant, 'U2', 'ru');
    expect(await store.profile(tenant, 'U2')).toBeUndefined();
    // …until the minute is over.
    now += PROFILE_CACHE_MS;
    expect((await store.profile(tenant, 'U2'))?.locale).toBe('ru');
    await store.setLocale(tenant, 'U2', 'en');
    expect((await store.profile(tenant, 'U2'))?.locale).toBe('en');
  });

  it('erases every profile of a tenant and no other', async () => {
    await store.setLocale(other, 'U9', 'ru');
    expect(await store.erase(tenant)).toBeGreaterThan(50);
    expect(await store.profile(tenant, 'U1')).toBeUndefined();
    const left = (await allItems(table.db, table.tableName)).map((i) => i.pk);
    expect(new Set(left)).toEqual(new Set(['discord#G2']));
  });
});
