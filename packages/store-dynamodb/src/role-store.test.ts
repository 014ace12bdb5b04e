import { newCommunity, type Role, type Tenant } from '@organizer/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoRoleStore } from './role-store.ts';

const tenant: Tenant = { platform: 'slack', id: 'T1' };
const role = (id: string, name = id): Role => ({ id, name, responsibilities: [], memberIds: [], createdAt: '2026-11-24T10:00:00.000Z' });

describe('DynamoRoleStore', () => {
  let roles: DynamoRoleStore;
  let communities: DynamoCommunityStore;
  beforeAll(async () => {
    const table = await createTestTable('role-store');
    roles = new DynamoRoleStore(table.db, table.tableName);
    communities = new DynamoCommunityStore(table.db, table.tableName);
    await communities.create(newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-11-24T10:00:00.000Z' }));
  });

  it('adds a role once: a second add of the same id is refused', async () => {
    expect(await roles.addRole(tenant, 'C1', role('outreach'))).toBe('saved');
    expect(await roles.addRole(tenant, 'C1', role('outreach', 'Other'))).toBe('exists');
    expect(await roles.addRole(tenant, 'C404', role('outreach'))).toBe('missing');
  });

  it('adds a role once when two adds race', async () => {
    const results = await Promise.all([roles.addRole(tenant, 'C1', role('events')), roles.addRole(tenant, 'C1', role('events'))]);
    expect(results.sort()).toEqual(['exists', 'saved']);
  });

  it('adopts missing roles without touching existing ones, edits and removes', async () => {
    expect(await roles.updateRole(tenant, 'C1', { id: 'outreach', name: 'Outreach', responsibilities: ['Welcome'] })).toBe('saved');
    expect(await roles.adoptRoles(tenant, 'C1', [role('outreach', 'Replaced'), role('finance')])).toBe('saved');
    const found = await communities.lookup(tenant, 'C1');
    const stored = found.kind === 'found' ? found.snapshot.community.roles : [];
    expect(stored.map((r) => [r.id, r.name])).toEqual([
      ['events', 'events'],
      ['finance', 'finance'],
      ['outreach', 'Outreach'],
    ]);
    expect(await roles.removeRole(tenant, 'C1', 'finance')).toBe('saved');
    expect(await roles.removeRole(tenant, 'C1', 'finance')).toBe('missing');
    expect(await roles.updateRole(tenant, 'C1', { id: 'ghost', name: 'Ghost', responsibilities: [] })).toBe('missing');
  });
});
