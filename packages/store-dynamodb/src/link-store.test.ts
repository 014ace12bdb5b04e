import { newCommunity, type PlaceLink, type Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoLinkStore } from './link-store.ts';

const at = '2026-12-01T10:00:00.000Z';
const home: Tenant = { platform: 'slack', id: 'T1' };
const place: Tenant = { platform: 'discord', id: '600000000000000001' };
const other: Tenant = { platform: 'discord', id: '600000000000000002' };

const linkOf = (to: Tenant, communityId = 'C1'): PlaceLink => ({
  home: { tenant: home, communityId, name: 'Riverside' },
  place: { tenant: to, channelId: '800000000000000001' },
  linkedBy: '700000000000000001',
  invitedBy: 'U1',
  linkedAt: at,
});

async function linksTable(label: string) {
  const table = await createTestTable(label);
  let now = new Date(at);
  const links = new DynamoLinkStore(table.db, table.tableName, () => now);
  const communities = new DynamoCommunityStore(table.db, table.tableName);
  await communities.create(newCommunity({ tenant: home, id: 'C1', name: 'Riverside', coordinatorId: 'U1', createdAt: at }));
  return { ...table, links, communities, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('DynamoLinkStore', () => {
  it('links a place once, and lookup from the place finds the community at home', async () => {
    const { links, communities } = await linksTable('links-link');
    expect(await links.link(linkOf(place))).toBe('linked');
    expect(await links.link({ ...linkOf(place), linkedBy: 'someone else' })).toBe('busy');
    expect(await links.pointer(place)).toEqual(linkOf(place));
    expect(await links.places(home)).toEqual([linkOf(place)]);
    expect(await communities.lookup(place, 'any channel')).toEqual({ kind: 'linked', link: linkOf(place) });
    // The home's own lookup is untouched by its places.
    expect((await communities.lookup(home, 'C1')).kind).toBe('found');
  });

  it('refuses to link to a community that is gone, writing nothing', async () => {
    const { links, db, tableName } = await linksTable('links-missing');
    expect(await links.link(linkOf(place, 'C9'))).toBe('missing');
    expect((await allItems(db, tableName)).filter((i) => i.entity === 'PlaceLink' || i.entity === 'Place')).toEqual([]);
  });

  it('unlinks at once (a link is never remembered), and says when there was nothing to unlink', async () => {
    const { links } = await linksTable('links-unlink');
    await links.link(linkOf(place));
    expect(await links.pointer(place)).toBeDefined();
    expect(await links.unlink(linkOf(place))).toBe(true);
    expect(await links.pointer(place)).toBeUndefined();
    expect(await links.places(home)).toEqual([]);
    expect(await links.unlink(linkOf(place))).toBe(false);
  });

  it('remembers that a tenant is no place for a minute, except where this store linked it itself', async () => {
    const { links, later, db, tableName } = await linksTable('links-remember');
    const elsewhere = new DynamoLinkStore(db, tableName, () => new Date(at));
    expect(await links.pointer(other)).toBeUndefined();
    // Linked by another process: this one still thinks it no place for up to a minute…
    await elsewhere.link(linkOf(other));
    expect(await links.pointer(other)).toBeUndefined();
    later(61_000);
    // …then finds it.
    expect(await links.pointer(other)).toEqual(linkOf(other));
    // Linked here: found at once.
    expect(await links.pointer(place)).toBeUndefined();
    await links.link(linkOf(place));
    expect(await links.pointer(place)).toEqual(linkOf(place));
  });

  it('unlinks every place of a community that is erased', async () => {
    const { links, communities } = await linksTable('links-erase');
    await links.link(linkOf(place));
    await communities.erase(home, 'C1');
    expect(await links.pointer(place)).toBeUndefined();
    expect(await links.places(home)).toEqual([]);
    expect((await communities.lookup(place, 'any channel')).kind).toBe('none');
  });
});
