import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { type CommunityEvent, findEvents, nextOccurrence, nextStart, respond, withCapacity } from './model.ts';

const event = (capacity?: number): CommunityEvent => ({
  id: 'e1',
  communityId: 'C1',
  title: 'Meeting',
  startsAt: 1_800_000_000,
  minutes: 60,
  place: 'Hall',
  description: '',
  ...(capacity !== undefined ? { capacity } : {}),
  channelId: 'C1',
  going: [],
  maybe: [],
  cant: [],
  waitlist: [],
  attended: [],
  createdBy: 'U1',
  createdAt: '2026-11-25T00:00:00Z',
  version: 0,
});

describe('respond', () => {
  it('fills the places, then waitlists in order', () => {
    let e = event(2);
    for (const user of ['A', 'B', 'C', 'D']) e = respond(e, user, 'going').event;
    expect(e).toMatchObject({ going: ['A', 'B'], waitlist: ['C', 'D'], version: 4 });
    expect(respond(e, 'C', 'going')).toMatchObject({ status: 'waitlisted', changed: false });
  });

  it('moves the first on the waitlist up when someone leaves Going', () => {
    let e = event(2);
    for (const user of ['A', 'B', 'C', 'D']) e = respond(e, user, 'going').event;
    const left = respond(e, 'A', 'cant');
    expect(left).toMatchObject({ status: 'cant', promoted: 'C' });
    expect(left.event).toMatchObject({ going: ['B', 'C'], waitlist: ['D'], cant: ['A'] });
  });

  it('switches between answers without duplicates, with no limit when there is no capacity', () => {
    let e = event();
    for (const user of ['A', 'B', 'C']) e = respond(e, user, 'going').event;
    e = respond(e, 'B', 'maybe').event;
    e = respond(e, 'B', 'maybe').event;
    expect(e).toMatchObject({ going: ['A', 'C'], maybe: ['B'], waitlist: [] });
  });
});

describe('findEvents', () => {
  const at = (id: string, title: string, startsAt: number, more: Partial<CommunityEvent> = {}) => ({
    ...event(),
    id,
    title,
    startsAt,
    ...more,
  });
  const list = [
    at('a', 'Tenants meeting', 1000),
    at('b', 'Garden meeting', 2000),
    at('c', 'Уборка двора', 3000),
    at('d', 'Picnic', 4000, { cancelledAt: '2026-11-01T00:00:00Z' }),
  ];
  it('finds one by a word or the start of one, in any case, or by its id', () => {
    expect(findEvents(list, 'TENANTS', 0, 'upcoming').map((e) => e.id)).toEqual(['a']);
    expect(findEvents(list, 'gard', 0, 'upcoming').map((e) => e.id)).toEqual(['b']);
    expect(findEvents(list, 'двор', 0, 'upcoming').map((e) => e.id)).toEqual(['c']);
    expect(findEvents(list, 'b', 0, 'upcoming').map((e) => e.id)).toEqual(['b']);
  });
  it('gives all it could mean, and none for a cancelled one or a word inside another', () => {
    expect(findEvents(list, 'meeting', 0, 'upcoming').map((e) => e.id)).toEqual(['a', 'b']);
    expect(findEvents(list, 'picnic', 0, 'upcoming')).toEqual([]);
    expect(findEvents(list, 'eting', 0, 'upcoming')).toEqual([]);
  });
  it('picks among the occurrences of one repeating event the next to come, or the last started', () => {
    const series = [at('s', 'Board games', 1000), at('s-2', 'Board games', 1000 + 604_800, { series: 's', occurrence: 2 })];
    expect(findEvents(series, 'board', 5000, 'upcoming').map((e) => e.id)).toEqual(['s-2']);
    expect(findEvents(series, 'board', 5000, 'started').map((e) => e.id)).toEqual(['s']);
  });
});

describe('withCapacity', () => {
  const full = { ...event(2), going: ['A', 'B'], waitlist: ['C', 'D', 'E'] };
  it('moves the first waiting up into new places, and everyone up without a limit', () => {
    expect(withCapacity(full, 4)).toMatchObject({
      event: { capacity: 4, going: ['A', 'B', 'C', 'D'], waitlist: ['E'] },
      promoted: ['C', 'D'],
    });
    expect(withCapacity(full, undefined).event).toMatchObject({ going: ['A', 'B', 'C', 'D', 'E'], waitlist: [] });
    expect(withCapacity(full, undefined).event.capacity).toBeUndefined();
  });
  it('takes no place away when there are fewer', () => {
    expect(withCapacity(full, 1)).toMatchObject({ event: { capacity: 1, going: ['A', 'B'], waitlist: ['C', 'D', 'E'] }, promoted: [] });
  });
});

describe('nextStart and nextOccurrence', () => {
  const zone = 'Europe/Berlin';
  const local = (iso: string) => DateTime.fromISO(iso, { zone }).toSeconds();
  it('keeps the local time across a clock change, every week, two weeks or month', async () => {
    const before = { ...event(), startsAt: local('2027-03-23T18:00'), repeat: 'weekly' as const };
    const { startsAt } = await nextStart(before, zone, before.startsAt + 3600);
    expect(DateTime.fromSeconds(startsAt, { zone }).toISO()).toBe('2027-03-30T18:00:00.000+02:00');
    expect((await nextStart({ ...before, repeat: 'biweekly' }, zone, before.startsAt)).startsAt).toBe(local('2027-04-06T18:00'));
    expect((await nextStart({ ...before, repeat: 'monthly' }, zone, before.startsAt)).startsAt).toBe(local('2027-04-23T18:00'));
  });
  it('skips occurrences missed while it was off, and numbers the next from the series', async () => {
    const first = { ...event(), startsAt: local('2027-01-05T18:00'), repeat: 'weekly' as const, going: ['A'] };
    const next = await nextStart(first, zone, local('2027-01-20T12:00'));
    expect(next).toEqual({ startsAt: local('2027-01-26T18:00'), skipped: 2 });
    const made = nextOccurrence({ ...first, messageId: 'm1' }, next.startsAt, next.skipped, '2027-01-20T12:00:00Z');
    expect(made).toMatchObject({ id: 'e1-4', series: 'e1', occurrence: 4, going: [], version: 0, repeat: 'weekly' });
    expect(made.messageId).toBeUndefined();
    expect(nextOccurrence(made, made.startsAt + 604_800, 0, '').id).toBe('e1-5');
  });
});
