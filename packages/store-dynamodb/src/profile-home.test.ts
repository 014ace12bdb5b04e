import type { Tenant } from '@organizer/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../../tests/support/table.ts';
import { DynamoProfileStore, PROFILE_CACHE_MS } from './profile-store.ts';

const tenant: Tenant = { platform: 'slack', id: 'T1' };

describe('DynamoProfileStore: who opened their Home, known without reading', () => {
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);
  beforeAll(async () => {
    table = await createTestTable('profile-home');
  });

  it('keeps the first opening, beside the languages, whichever process opens it again', async () => {
    const store = new DynamoProfileStore(table.db, table.tableName, clock);
    await store.rememberSeen(tenant, 'U1', 'ru', '2026-12-01T09:00:00.000Z');
    await store.rememberHome(tenant, 'U1', '2026-12-01T10:00:00.000Z');
    // Another process opens it later: the first time stays.
    await new DynamoProfileStore(table.db, table.tableName, clock).rememberHome(tenant, 'U1', '2026-12-01T11:00:00.000Z');
    now += PROFILE_CACHE_MS;
    expect(await store.profile(tenant, 'U1')).toEqual({
      userId: 'U1',
      seenLocale: 'ru',
      seenAt: '2026-12-01T09:00:00.000Z',
      homeAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('`known` answers only from what this process read within the minute; batched reads count too', async () => {
    const store = new DynamoProfileStore(table.db, table.tableName, clock);
    await new DynamoProfileStore(table.db, table.tableName, clock).rememberHome(tenant, 'U2', '2026-12-01T10:00:00.000Z');
    expect(await store.known(tenant, 'U2')).toBeUndefined();
    const found = await store.profiles(tenant, ['U2', 'U3']);
    expect(found.map((p) => p.userId)).toEqual(['U2']);
    expect((await store.known(tenant, 'U2'))?.homeAt).toBe('2026-12-01T10:00:00.000Z');
    // Someone without a profile is remembered as having none: asking again reads nothing.
    let reads = 0;
    const counting = new Proxy(table.db, {
      get: (target, key) =>
        key === 'send'
          ? (...args: Parameters<typeof target.send>) => {
              reads++;
              return target.send(...args);
            }
          : Reflect.get(target, key),
    });
    const counted = new DynamoProfileStore(counting, table.tableName, clock);
    await counted.profiles(tenant, ['U2', 'U3']);
    expect(reads).toBe(1);
    expect(await counted.profile(tenant, 'U3')).toBeUndefined();
    expect(await counted.profile(tenant, 'U2')).toMatchObject({ homeAt: '2026-12-01T10:00:00.000Z' });
    expect(reads).toBe(1);
    now += PROFILE_CACHE_MS;
    expect(await counted.known(tenant, 'U2')).toBeUndefined();
  });
});
