import { describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import { chartValues } from './charts/frame.ts';
import { ladderRows, localDay, mondayOf, oneOnOneRows, reportCharts, standupRows, turnoutRows } from './data.ts';

const community = {
  ...newCommunity({ tenant: { platform: 'slack', id: 'T1' }, id: 'C1', name: 'X', coordinatorId: 'U1', createdAt: '2026-01-01' }),
  roles: [{ id: 'outreach', name: 'Outreach', leadId: 'U2', memberIds: ['U3'], responsibilities: [], createdAt: '2026-01-01' }],
};
const NOW = new Date('2026-11-25T12:00:00Z');
const seconds = (iso: string) => Date.parse(iso) / 1000;
const event = (title: string, startsAt: string, going: number, attended: number, cancelled = false) =>
  ({
    title,
    startsAt: seconds(startsAt),
    going: Array.from({ length: going }, (_, i) => `G${i}`),
    attended: Array.from({ length: attended }, (_, i) => `A${i}`),
    ...(cancelled ? { cancelledAt: '2026-11-01T00:00:00Z' } : {}),
  }) as unknown as CommunityEvent;

describe('report data', () => {
  it('counts everyone the community knows on their rung, in the community’s rung names', () => {
    const rows = ladderRows(
      { community: { ...community, ladder: ['New', 'In', 'Doing', 'Leading'] } },
      [{ userId: 'U4', acts: { rsvps: 1 } }, { userId: 'U5', acts: { tasksDone: 1 } }, { userId: 'U6' }],
      'en',
    );
    // U3 (a role member with no record) and U6 are newcomers; U1 coordinates and U2 leads a role.
    expect(rows).toEqual([
      { rung: 'New', count: 2 },
      { rung: 'In', count: 1 },
      { rung: 'Doing', count: 1 },
      { rung: 'Leading', count: 2 },
    ]);
  });

  it('takes the events held in the last 30 days, oldest first, leaving out cancelled and coming ones', () => {
    const rows = turnoutRows(
      [
        event('Later', '2026-11-20T18:00:00Z', 4, 3),
        event('Earlier', '2026-11-01T18:00:00Z', 2, 2),
        event('Too old', '2026-10-20T18:00:00Z', 9, 9),
        event('Cancelled', '2026-11-10T18:00:00Z', 5, 0, true),
        event('Coming', '2026-11-30T18:00:00Z', 6, 0),
      ],
      NOW.getTime() / 1000,
    );
    expect(rows).toEqual([
      { event: 'Earlier', going: 2, attended: 2 },
      { event: 'Later', going: 4, attended: 3 },
    ]);
  });

  it('counts one-on-ones in each of the last six months, this one last', () => {
    const rows = oneOnOneRows(
      [{ date: '2026-11-02' }, { date: '2026-11-20' }, { date: '2026-09-30' }, { date: '2026-01-05' }],
      '2026-11-25',
    );
    expect(rows).toEqual([
      { month: '2026-06', count: 0 },
      { month: '2026-07', count: 0 },
      { month: '2026-08', count: 0 },
      { month: '2026-09', count: 1 },
      { month: '2026-10', count: 0 },
      { month: '2026-11', count: 2 },
    ]);
    expect(oneOnOneRows([], '2027-02-10')[0]?.month).toBe('2026-09');
  });

  it('counts different people who answered stand-ups per week, weeks from Monday in the community’s zone', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(localDay(new Date('2026-11-22T23:30:00Z'), 'Europe/Moscow')).toBe('2026-11-23');
    const rows = standupRows(
      [
        { userId: 'U1', at: '2026-11-24T09:00:00Z' },
        { userId: 'U1', at: '2026-11-25T09:00:00Z' },
        { userId: 'U2', at: '2026-11-25T09:00:00Z' },
        // Sunday night in UTC is already Monday in Moscow.
        { userId: 'U3', at: '2026-11-22T23:30:00Z' },
        { userId: 'U4', at: '2026-11-18T09:00:00Z' },
      ],
      '2026-11-25',
      'Europe/Moscow',
    );
    expect(rows).toHaveLength(8);
    expect(rows.at(-1)).toEqual({ week: '2026-11-23', people: 3 });
    expect(rows.at(-2)).toEqual({ week: '2026-11-16', people: 1 });
    expect(rows[0]).toEqual({ week: '2026-10-05', people: 0 });
  });

  it('draws turnout, one-on-ones and stand-ups only when their period has something to count', () => {
    const empty = { snapshot: { community }, members: [], events: [], oneOnOnes: [], answers: [] };
    expect(reportCharts(empty, NOW, 'UTC', 'en').map((c) => c.name)).toEqual(['stages', 'ladder']);
    const full = reportCharts(
      {
        ...empty,
        events: [event('Meeting', '2026-11-20T18:00:00Z', 3, 2)],
        oneOnOnes: [{ date: '2026-11-02' }],
        answers: [{ userId: 'U1', at: '2026-11-24T09:00:00Z' }],
        campaign: { name: 'Warm homes', phases: [{ id: 'foundation', start: '2026-11-01', end: '2026-12-31' }], milestones: [] },
      },
      NOW,
      'UTC',
      'en',
    );
    expect(full.map((c) => c.name)).toEqual(['stages', 'ladder', 'turnout', 'oneonones', 'standups', 'campaign']);
    expect(full[5]?.alt).toContain('today: Foundation');
    expect(chartValues(full[3]?.spec ?? {}).at(-1)).toMatchObject({ month: '2026-11', count: 1 });
    expect(full[3]?.alt).toBe(
      'One-on-ones per month, against a target of 5: Jun 2026 0, Jul 2026 0, Aug 2026 0, Sep 2026 0, Oct 2026 0, Nov 2026 1.',
    );
    expect(full[4]?.alt).toContain('Nov 23 1.');
  });
});
