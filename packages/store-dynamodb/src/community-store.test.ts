import { type Community, newCommunity, type Tenant } from '@organizer/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';

const slack: Tenant = { platform: 'slack', id: 'T1' };
const other: Tenant = { platform: 'slack', id: 'T2' };
const community = (tenant: Tenant, channel: string, name: string): Community =>
  newCommunity({ tenant, id: channel, name, coordinatorId: 'U1', createdAt: '2026-11-24T10:00:00.000Z' });

describe('DynamoCommunityStore', () => {
  let store: DynamoCommunityStore;
  let table: Awaited<ReturnType<typeof createTestTable>>;
  beforeAll(async () => {
    table = await createTestTable('community-store');
    store = new DynamoCommunityStore(table.db, table.tableName);
  });

  it('creates a community once per channel and refuses a second one without overwriting', async () => {
    expect(await store.create(community(slack, 'C1', 'Green Street'))).toBe('created');
    expect(await store.create(community(slack, 'C1', 'Impostor'))).toBe('exists');
    const found = await store.lookup(slack, 'C1');
    expect(found.kind === 'found' && found.snapshot.community.name).toBe('Green Street');
  });

  it('keys every item by its tenant', async () => {
    const items = await allItems(table.db, table.tableName);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(String(item.pk)).toMatch(/^slack#T1$/);
  });

  it('falls back to the tenant’s only community outside its home channel, and never crosses tenants', async () => {
    const elsewhere = await store.lookup(slack, 'C9');
    expect(elsewhere.kind === 'found' && elsewhere.snapshot.community.id).toBe('C1');
    expect((await store.lookup(other, 'C1')).kind).toBe('none');
  });

  it('does not confuse channel C1 with C10', async () => {
    await store.create(community(slack, 'C10', 'Ten'));
    const one = await store.lookup(slack, 'C1');
    expect(one.kind === 'found' && one.snapshot.community.name).toBe('Green Street');
  });

  it('lists the home channels when the tenant has several communities', async () => {
    const found = await store.lookup(slack, 'C9');
    expect(found).toEqual({ kind: 'elsewhere', homeChannelIds: ['C1', 'C10'] });
  });

  it('saves the story and the language, and refuses to write to a missing community', async () => {
    const version = (n: number) => ({
      kind: 'questions' as const,
      owner: 'community',
      version: n,
      parts: {},
      authorId: 'U1',
      createdAt: '2026-11-24T11:00:00.000Z',
    });
    expect(await store.saveAnswers(slack, 'C1', { goal: 'Fix the heating', vision: 'Warm homes' }, version(1))).toBe('saved');
    expect(await store.saveAnswers(slack, 'C1', { goal: 'Stale' }, version(1))).toBe('conflict');
    expect(await store.setLocale(slack, 'C1', 'ru', '2026-11-24T11:00:00.000Z')).toBe('saved');
    const found = await store.lookup(slack, 'C1');
    expect(found.kind === 'found' && found.snapshot.community).toMatchObject({
      locale: 'ru',
      story: { goal: 'Fix the heating', vision: 'Warm homes' },
    });
    expect(await store.saveAnswers(slack, 'C404', { goal: 'x' }, version(1))).toBe('missing');
    const items = await allItems(table.db, table.tableName);
    expect(items.some((i) => String(i.sk).includes('C404'))).toBe(false);
  });
});
