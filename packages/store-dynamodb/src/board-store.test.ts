import { newCommunity, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../../../tests/support/table.ts';
import { DynamoBoardStore } from './board-store.ts';
import { DynamoCommunityStore } from './community-store.ts';

const tenant: Tenant = { platform: 'slack', id: 'T1' };
const board = (since: string) => ({ channelId: 'C1', since, by: 'U1' });

async function boardsTable(label: string) {
  const { db, tableName } = await createTestTable(label);
  const communities = new DynamoCommunityStore(db, tableName);
  await communities.create(newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-12-01T00:00:00.000Z' }));
  const read = async () => {
    const found = await communities.lookup(tenant, 'C1');
    return found.kind === 'found' ? found.snapshot.community.board : 'no community';
  };
  return { boards: new DynamoBoardStore(db, tableName), read };
}

describe('DynamoBoardStore', () => {
  it('starts one board when two starts race, and the community read carries it', async () => {
    const { boards, read } = await boardsTable('boards-race');
    const results = await Promise.all([boards.start(tenant, 'C1', board('a')), boards.start(tenant, 'C1', board('b'))]);
    expect(results.sort()).toEqual(['exists', 'started']);
    const kept = await read();
    expect(kept).toMatchObject({ channelId: 'C1', by: 'U1' });
    expect(kept).not.toHaveProperty('messageId');
  });

  it('records the message of the board it was posted for only, and forgets only that board', async () => {
    const { boards, read } = await boardsTable('boards-placed');
    await boards.start(tenant, 'C1', board('first'));
    expect(await boards.placed(tenant, 'C1', 'older', '1.0001')).toBe('gone');
    expect(await boards.placed(tenant, 'C1', 'first', '2.0001')).toBe('saved');
    expect(await read()).toEqual({ channelId: 'C1', since: 'first', by: 'U1', messageId: '2.0001' });
    expect(await boards.forget(tenant, 'C1', 'older')).toBe('gone');
    expect(await boards.forget(tenant, 'C1', 'first')).toBe('forgotten');
    expect(await read()).toBeUndefined();
    expect(await boards.forget(tenant, 'C1', 'first')).toBe('gone');
    expect(await boards.placed(tenant, 'C1', 'first', '3.0001')).toBe('gone');
  });

  it('starts nothing on a community that is gone', async () => {
    const { boards } = await boardsTable('boards-missing');
    expect(await boards.start(tenant, 'C9', board('x'))).toBe('exists');
  });
});
