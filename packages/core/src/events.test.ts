import { describe, expect, it } from 'vitest';
import { type CommunityEvent, respond } from './events.ts';

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
