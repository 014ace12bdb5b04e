import { describe, expect, it } from 'vitest';
import type { Member } from '../members/model.ts';
import type { StandupRun, StandupSchedule } from './model.ts';
import { nudgeRecipients } from './nudge.ts';

const schedule = (over: Partial<StandupSchedule> = {}): StandupSchedule => ({
  id: 'daily',
  communityId: 'C1',
  name: 'Daily',
  channelId: 'C1',
  days: [1, 2, 3, 4, 5, 6, 7],
  time: '10:00',
  zone: 'Europe/Berlin',
  questions: ['Done?'],
  participants: 'optin',
  delivery: 'channel',
  windowMinutes: 240,
  members: [],
  createdBy: 'U0',
  updatedAt: '2026-03-01T00:00:00Z',
  ...over,
});

const run = (participants: string[], skipped: string[] = []): StandupRun => ({
  id: '2026-03-29.daily',
  scheduleId: 'daily',
  communityId: 'C1',
  date: '2026-03-29',
  name: 'Daily',
  questions: ['Done?'],
  locale: 'en',
  channelId: 'C1',
  messageId: '1.1',
  participants,
  skipped,
  postedAt: '2026-03-29T08:00:00Z',
});

const members = (list: Member[]) => new Map(list.map((m) => [m.userId, m]));

describe('nudgeRecipients', () => {
  it('leaves out who answered, skipped or is away that day', () => {
    const who = nudgeRecipients(
      schedule(),
      run(['A', 'B', 'C', 'D'], ['B']),
      new Set(['A']),
      members([{ userId: 'C', awayUntil: '2026-03-29' }]),
      new Date('2026-03-29T11:00:00Z'),
    );
    expect(who).toEqual(['D']);
  });

  it('keeps quiet from 22:00 to 08:00 in each person’s zone, DST included', () => {
    // 29 March 2026: Europe changed to summer time at 01:00 UTC, so Berlin is UTC+2 from then.
    const people = members([
      { userId: 'tokyo', timezone: 'Asia/Tokyo' },
      { userId: 'berlin', timezone: 'Europe/Berlin' },
      { userId: 'ny', timezone: 'America/New_York' },
    ]);
    const all = ['tokyo', 'berlin', 'ny', 'zoneless'];
    // 20:30 UTC: Tokyo 05:30, Berlin 22:30 (summer time), New York 16:30; the zoneless follow the stand-up's zone (Berlin).
    expect(nudgeRecipients(schedule(), run(all), new Set(), people, new Date('2026-03-29T20:30:00Z'))).toEqual(['ny']);
    // 19:30 UTC: Berlin 21:30, still awake.
    expect(nudgeRecipients(schedule(), run(all), new Set(), people, new Date('2026-03-29T19:30:00Z'))).toEqual([
      'berlin',
      'ny',
      'zoneless',
    ]);
    // 06:30 UTC: Berlin 08:30 and Tokyo 15:30 awake; New York 02:30 asleep.
    expect(nudgeRecipients(schedule(), run(all), new Set(), people, new Date('2026-03-29T06:30:00Z'))).toEqual([
      'tokyo',
      'berlin',
      'zoneless',
    ]);
  });

  it('does not nudge someone whose own direct-message prompt has not gone out yet', () => {
    const people = members([{ userId: 'ny', timezone: 'America/New_York' }]);
    const dm = schedule({ delivery: 'dm' });
    // 10:00 in New York on 29 March is 14:00 UTC (summer time there since 8 March).
    expect(nudgeRecipients(dm, run(['ny', 'here']), new Set(), people, new Date('2026-03-29T13:30:00Z'))).toEqual(['here']);
    expect(nudgeRecipients(dm, run(['ny', 'here']), new Set(), people, new Date('2026-03-29T14:30:00Z'))).toEqual(['ny', 'here']);
  });
});
