import { newCommunity, type Role, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoOfferStore } from './offer-store.ts';
import { DynamoRoleStore } from './role-store.ts';

const tenant: Tenant = { platform: 'slack', id: 'T1' };
const role = (id: string): Role => ({ id, name: id, responsibilities: [], memberIds: [], createdAt: '2026-11-24T10:00:00.000Z' });

describe('DynamoOfferStore', () => {
  it('lets only the first of two accepted offers for the same role lead through', async () => {
    const table = await createTestTable('offer-store');
    const communities = new DynamoCommunityStore(table.db, table.tableName);
    const offers = new DynamoOfferStore(table.db, table.tableName);
    const roles = new DynamoRoleStore(table.db, table.tableName);
    await communities.create(newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-11-24T10:00:00.000Z' }));
    await roles.addRole(tenant, 'C1', role('outreach'));
    const now = Math.floor(Date.parse('2026-11-24T10:00:00.000Z') / 1000);
    const offer = (userId: string, offeredBy: string) => ({
      id: `o-${userId}`,
      communityId: 'C1',
      roleId: 'outreach',
      roleName: 'Outreach',
      userId,
      asLead: true,
      offeredBy,
      offeredAt: '2026-11-24T10:00:00.000Z',
      expiresAt: now + 7 * 86400,
    });
    // Two leaders offered the lead of Outreach to two different people at once; both accept at once.
    expect(await offers.create(tenant, offer('U2', 'U1'))).toBe('saved');
    expect(await offers.create(tenant, offer('U3', 'U9'))).toBe('saved');
    const results = await Promise.all([offers.accept(tenant, offer('U2', 'U1'), now), offers.accept(tenant, offer('U3', 'U9'), now)]);
    expect(results.sort()).toEqual(['accepted', 'taken']);
    // An offer that lapsed cannot be accepted, even if TTL has not deleted it yet.
    await roles.addRole(tenant, 'C1', role('events'));
    const late = { ...offer('U4', 'U1'), id: 'o-late', roleId: 'events', expiresAt: now - 1 };
    await offers.create(tenant, { ...late, offeredAt: '2026-11-17T09:00:00.000Z' });
    expect(await offers.get(tenant, 'C1', 'o-late', now)).toBeUndefined();
    expect(await offers.accept(tenant, late, now)).toBe('gone');
    expect(await offers.withdraw(tenant, 'C1', 'o-late', now)).toBeUndefined();
  });
});
