import { describe, expect, it } from 'vitest';
import type { CommunityEvent } from './model.ts';
import { digest, serverEventFields } from './server-sync.ts';

const event: CommunityEvent = {
  id: 'E1',
  communityId: 'C1',
  title: 'Tenants meeting',
  startsAt: Date.parse('2027-03-28T16:00:00Z') / 1000,
  minutes: 90,
  place: 'Community hall',
  description: 'Bring a friend',
  channelId: 'C1',
  going: [],
  maybe: [],
  cant: [],
  waitlist: [],
  attended: [],
  createdBy: 'U1',
  createdAt: '2027-03-01T00:00:00Z',
  version: 1,
};

describe('serverEventFields', () => {
  it('gives the start and the end (start + length) as ISO instants', () => {
    expect(serverEventFields(event, 'fallback')).toEqual({
      name: 'Tenants meeting',
      description: 'Bring a friend',
      location: 'Community hall',
      start: '2027-03-28T16:00:00.000Z',
      end: '2027-03-28T17:30:00.000Z',
    });
  });

  it('shortens to Discord’s limits on whole characters, and falls back when there is no place', () => {
    const family = '👩‍👩‍👧';
    const long = { ...event, title: `${'a'.repeat(98)}${family}`, place: ' ', description: family.repeat(200) };
    const fields = serverEventFields(long, 'See the card');
    expect(fields.name).toBe(`${'a'.repeat(98)}…`);
    expect(fields.location).toBe('See the card');
    expect(fields.description.length).toBeLessThanOrEqual(1000);
    expect(fields.description.endsWith(`${family}…`)).toBe(true);
    expect(serverEventFields({ ...event, place: 'x'.repeat(200) }, '').location).toHaveLength(100);
  });
});

describe('digest', () => {
  it('is the same for the same fields and differs when any of them changes', () => {
    const fields = serverEventFields(event, '');
    expect(digest(fields)).toBe(digest(serverEventFields({ ...event, going: ['U2'], version: 2 }, '')));
    for (const change of [
      { title: 'Other' },
      { place: 'Library' },
      { minutes: 60 },
      { startsAt: event.startsAt + 60 },
      { description: '' },
    ])
      expect(digest(serverEventFields({ ...event, ...change }, '')), JSON.stringify(change)).not.toBe(digest(fields));
  });
});
