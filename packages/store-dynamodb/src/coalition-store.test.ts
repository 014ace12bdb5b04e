import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { type Coalition, type CoalitionMember, newCommunity, type SharedCampaign, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCoalitionStore } from './coalition-store.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { communityKey } from './entities/community.ts';

const at = '2026-12-01T10:00:00.000Z';
const slack: Tenant = { platform: 'slack', id: 'T1' };
const discord: Tenant = { platform: 'discord', id: 'G1' };

const member = (tenant: Tenant, communityId: string): CoalitionMember => ({
  tenant,
  communityId,
  name: `Community ${communityId}`,
  joinedBy: 'U1',
  joinedAt: at,
});
const coalition = (id: string, founder: CoalitionMember): Coalition => ({
  id,
  name: `Coalition ${id}`,
  members: [founder],
  createdAt: at,
  version: 0,
});

/** A fresh table with the named communities set up (each its own channel) and both stores on it. */
async function coalitionsTable(label: string, communities: [Tenant, string][]) {
  const table = await createTestTable(label);
  const store = new DynamoCoalitionStore(table.db, table.tableName);
  const communityStore = new DynamoCommunityStore(table.db, table.tableName);
  for (const [tenant, id] of communities)
    await communityStore.create(newCommunity({ tenant, id, name: `Community ${id}`, coordinatorId: 'U1', createdAt: at }));
  const markOf = async (tenant: Tenant, id: string) => {
    const found = await communityStore.lookup(tenant, id);
    return found.kind === 'found' ? found.snapshot.community.coalition : 'gone';
  };
  return { ...table, store, communityStore, markOf };
}

describe('DynamoCoalitionStore', () => {
  it('creates a coalition in its own partition, marks its founder, and joins a community of another platform', async () => {
    const { store, markOf, db, tableName } = await coalitionsTable('coalition-create', [
      [slack, 'C1'],
      [discord, 'D1'],
    ]);
    expect(await store.create(coalition('k1', member(slack, 'C1')))).toBe('created');
    expect(await markOf(slack, 'C1')).toEqual({ id: 'k1', name: 'Coalition k1' });
    const row = (await allItems(db, tableName)).find((i) => i.entity === 'Coalition');
    expect(row).toMatchObject({ pk: 'COALITION#k1', sk: 'COALITION', version: 0 });

    expect(await store.join('k1', member(discord, 'D1'), 'Coalition k1')).toBe('joined');
    expect(await markOf(discord, 'D1')).toEqual({ id: 'k1', name: 'Coalition k1' });
    const got = await store.get('k1');
    expect(got?.version).toBe(1);
    expect(got?.members.map((m) => `${m.tenant.platform}/${m.communityId}`)).toEqual(['slack/C1', 'discord/D1']);
    expect(await store.get('nope')).toBeUndefined();
  });

  it('refuses a community in a coalition already to create or join another (busy), and a gone one (missing)', async () => {
    const { store, markOf } = await coalitionsTable('coalition-busy', [
      [slack, 'C1'],
      [slack, 'C2'],
    ]);
    expect(await store.create(coalition('k1', member(slack, 'C1')))).toBe('created');
    expect(await store.create(coalition('k2', member(slack, 'C2')))).toBe('created');
    expect(await store.create(coalition('k3', member(slack, 'C1')))).toBe('busy');
    // The same create again (a retried request) stands, and changes nothing.
    expect(await store.create(coalition('k1', member(slack, 'C1')))).toBe('created');
    expect(await store.join('k2', member(slack, 'C1'), 'Coalition k2')).toBe('busy');
    // Already in this very coalition: busy too, and listed once.
    expect(await store.join('k1', member(slack, 'C1'), 'Coalition k1')).toBe('busy');
    expect((await store.get('k1'))?.members).toHaveLength(1);
    expect((await store.get('k2'))?.members).toHaveLength(1);
    expect(await store.get('k3')).toBeUndefined();
    expect(await markOf(slack, 'C1')).toEqual({ id: 'k1', name: 'Coalition k1' });

    expect(await store.create(coalition('k4', member(slack, 'C9')))).toBe('missing');
    expect(await store.get('k4')).toBeUndefined();
    expect(await store.join('k1', member(slack, 'C9'), 'Coalition k1')).toBe('missing');
    expect(await store.join('nope', member(slack, 'C2'), 'Coalition nope')).toBe('missing');
  });

  it('holds 50 communities: the 51st is told full and stays unmarked', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `C${i + 1}`);
    const { store, markOf } = await coalitionsTable(
      'coalition-full',
      ids.map((id) => [slack, id]),
    );
    expect(await store.create(coalition('k1', member(slack, 'C1')))).toBe('created');
    for (let i = 1; i < 50; i++) expect(await store.join('k1', member(slack, ids[i] ?? ''), 'Coalition k1')).toBe('joined');
    expect(await store.join('k1', member(slack, 'C51'), 'Coalition k1')).toBe('full');
    expect((await store.get('k1'))?.members).toHaveLength(50);
    expect(await markOf(slack, 'C51')).toBeUndefined();
  });

  it('lets two simultaneous joins both in, each listed once, and only one of two racing for the last place', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `C${i + 1}`);
    const { store, markOf } = await coalitionsTable('coalition-race', [...ids.map((id): [Tenant, string] => [slack, id]), [discord, 'D1']]);
    await store.create(coalition('k1', member(slack, 'C1')));
    const both = await Promise.all([
      store.join('k1', member(slack, 'C2'), 'Coalition k1'),
      store.join('k1', member(discord, 'D1'), 'Coalition k1'),
    ]);
    expect(both).toEqual(['joined', 'joined']);
    const got = await store.get('k1');
    expect(got?.members.map((m) => m.communityId).sort()).toEqual(['C1', 'C2', 'D1']);
    expect(got?.version).toBe(2);
    for (let i = 2; i < 48; i++) await store.join('k1', member(slack, ids[i] ?? ''), 'Coalition k1');
    // 49 members: one place left, two racing for it.
    const last = await Promise.all([
      store.join('k1', member(slack, 'C50'), 'Coalition k1'),
      store.join('k1', member(slack, 'C51'), 'Coalition k1'),
    ]);
    expect([...last].sort()).toEqual(['full', 'joined']);
    const loser = last[0] === 'full' ? 'C50' : 'C51';
    expect(await markOf(slack, loser)).toBeUndefined();
    expect((await store.get('k1'))?.members).toHaveLength(50);
  });

  it('leaves at once on the version, and the last to leave takes the coalition along', async () => {
    const { store, markOf, db, tableName } = await coalitionsTable('coalition-leave', [
      [slack, 'C1'],
      [slack, 'C2'],
      [discord, 'C1'],
    ]);
    await store.create(coalition('k1', member(slack, 'C1')));
    await store.join('k1', member(discord, 'C1'), 'Coalition k1');
    await store.join('k1', member(slack, 'C2'), 'Coalition k1');
    expect(await store.leave('k1', slack, 'C1', 1)).toBe('conflict');
    expect(await store.leave('k1', slack, 'C1', 2)).toBe('left');
    expect(await markOf(slack, 'C1')).toBeUndefined();
    // The same community id on another platform is another community: still in.
    expect(await markOf(discord, 'C1')).toEqual({ id: 'k1', name: 'Coalition k1' });
    const got = await store.get('k1');
    expect(got?.members.map((m) => `${m.tenant.platform}/${m.communityId}`)).toEqual(['discord/C1', 'slack/C2']);
    expect(got?.version).toBe(3);
    expect(await store.leave('k1', slack, 'C1', 3)).toBe('missing');

    expect(await store.leave('k1', slack, 'C2', 3)).toBe('left');
    expect(await store.leave('k1', discord, 'C1', 4)).toBe('left');
    expect(await store.get('k1')).toBeUndefined();
    expect((await allItems(db, tableName)).filter((i) => i.entity === 'Coalition')).toEqual([]);
    expect(await markOf(discord, 'C1')).toBeUndefined();
    // Free again: it may form a new one.
    expect(await store.create(coalition('k2', member(discord, 'C1')))).toBe('created');
  });

  it('saves the shared story on its version only', async () => {
    const { store } = await coalitionsTable('coalition-story', [[slack, 'C1']]);
    await store.create(coalition('k1', member(slack, 'C1')));
    const story = { text: 'We share a river.', by: 'U1', at };
    expect(await store.saveStory('k1', story, 0)).toBe('saved');
    expect(await store.saveStory('k1', { ...story, text: 'Stale' }, 0)).toBe('conflict');
    expect(await store.saveStory('nope', story, 0)).toBe('conflict');
    const got = await store.get('k1');
    expect(got?.story).toEqual(story);
    expect(got?.version).toBe(1);
  });

  it('reads a board of 50 in two DynamoDB calls, in joining order, leaving out communities that are gone', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `C${i + 1}`);
    const { store, communityStore, db } = await coalitionsTable(
      'coalition-board',
      ids.map((id, i) => [i % 2 === 0 ? slack : discord, id]),
    );
    const tenantOf = (i: number) => (i % 2 === 0 ? slack : discord);
    await store.create(coalition('k1', member(slack, 'C1')));
    for (let i = 1; i < 50; i++) await store.join('k1', member(tenantOf(i), ids[i] ?? ''), 'Coalition k1');
    await communityStore.countActivity(discord, 'C2', 'events', 3);
    // Gone without leaving (as if erased before the coalition knew): the board leaves them out.
    for (const i of [4, 9]) await db.send(new DeleteCommand({ TableName: store.tableName, Key: communityKey(tenantOf(i), ids[i] ?? '') }));

    const calls: string[] = [];
    db.middlewareStack.add(
      (next, context) => async (args) => {
        calls.push(context.commandName ?? 'unknown');
        return next(args);
      },
      { step: 'initialize', name: 'boardCounter' },
    );
    const board = await store.board('k1');
    db.middlewareStack.remove('boardCounter');
    expect(calls).toEqual(['GetItemCommand', 'BatchGetItemCommand']);
    expect(board?.coalition.members).toHaveLength(50);
    const expected = ids.flatMap((id, i) => (i === 4 || i === 9 ? [] : [`${tenantOf(i).platform}/${id}`]));
    expect(board?.communities.map((c) => `${c.tenant.platform}/${c.id}`)).toEqual(expected);
    expect(board?.communities.find((c) => c.id === 'C2')?.activity.events).toBe(3);
    expect(board?.communities[0]?.coalition).toEqual({ id: 'k1', name: 'Coalition k1' });
    expect(await store.board('nope')).toBeUndefined();
    // A gone community's entry can still be taken off (there is no mark left to remove).
    expect(await store.leave('k1', tenantOf(4), ids[4] ?? '', board?.coalition.version ?? -1)).toBe('left');
    expect((await store.get('k1'))?.members.map((m) => m.communityId)).not.toContain(ids[4]);
    expect((await store.get('k1'))?.members).toHaveLength(49);
  });

  it('takes an erased community off its coalition with its mark, and the coalition with the last one', async () => {
    const { store, communityStore, db, tableName } = await coalitionsTable('coalition-erase', [
      [slack, 'C1'],
      [discord, 'D1'],
    ]);
    await store.create(coalition('k1', member(slack, 'C1')));
    await store.join('k1', member(discord, 'D1'), 'Coalition k1');
    await communityStore.erase(slack, 'C1');
    const got = await store.get('k1');
    expect(got?.members.map((m) => m.communityId)).toEqual(['D1']);
    expect(got?.version).toBe(2);
    await communityStore.erase(discord, 'D1');
    expect(await store.get('k1')).toBeUndefined();
    expect(await allItems(db, tableName)).toEqual([]);
  });

  it('saves the shared campaign on its version only, reads it back through get and board, and keeps it when a member joins', async () => {
    const { store } = await coalitionsTable('coalition-campaign', [
      [slack, 'C1'],
      [discord, 'D1'],
    ]);
    await store.create(coalition('k1', member(slack, 'C1')));
    const campaign: SharedCampaign = {
      name: 'Heat by January',
      goal: '300 households sign the heating petition',
      endDate: '2027-01-26',
      phases: [
        { name: 'Recruit door to door', start: '2026-12-01', end: '2026-12-20' },
        { name: 'March to the landlord', start: '2026-12-21', end: '2027-01-26' },
      ],
      revision: 1,
      by: 'U1',
      at,
    };
    expect(await store.saveCampaign('k1', campaign, 0)).toBe('saved');
    expect(await store.saveCampaign('k1', { ...campaign, name: 'Stale' }, 0)).toBe('conflict');
    const got = await store.get('k1');
    expect(got?.campaign).toEqual(campaign);
    expect(got?.version).toBe(1);
    expect((await store.board('k1'))?.coalition.campaign).toEqual(campaign);

    expect(await store.join('k1', member(discord, 'D1'), 'Coalition k1')).toBe('joined');
    const joined = await store.get('k1');
    expect(joined?.campaign).toEqual(campaign);
    expect(joined?.version).toBe(2);
  });
});
