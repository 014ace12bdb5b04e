import { describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
import type { Decision } from '../decisions/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import '../features.ts';
import type { Block } from '../kernel/reply.ts';
import type { StandupSchedule } from '../standup/model.ts';
import { decisionBlocks, eventBlocks, standupBlocks } from './sections.ts';

const at = '2026-11-24T00:00:00.000Z';
const NOW = Date.parse('2026-11-25T12:00:00.000Z') / 1000;
const DAY = 24 * 3600;
const community = newCommunity({ tenant: { platform: 'slack', id: 'T1' }, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: at });
const texts = (blocks: readonly Block[]) => blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
const ids = (blocks: readonly Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.id) : []));

const event = (id: string, startsAt: number, over: Partial<CommunityEvent> = {}): CommunityEvent => ({
  id,
  communityId: 'C1',
  title: `Event ${id}`,
  startsAt,
  minutes: 60,
  place: 'Hall',
  description: '',
  channelId: 'C1',
  going: [],
  maybe: [],
  cant: [],
  waitlist: [],
  attended: [],
  createdBy: 'U1',
  createdAt: at,
  version: 0,
  ...over,
});

describe('home sections', () => {
  it('lists the next 14 days’ events soonest first with the reader’s answer and RSVP buttons, without cancelled or far ones', () => {
    const blocks = eventBlocks(
      'en',
      community,
      'U2',
      [
        event('b', NOW + 3 * DAY, { maybe: ['U2'] }),
        event('a', NOW + DAY, { going: ['U2'] }),
        event('gone', NOW + 2 * DAY, { cancelledAt: at }),
        event('far', NOW + 20 * DAY),
        event('past', NOW - 2 * DAY),
      ],
      NOW,
    );
    const text = texts(blocks);
    expect(text.indexOf('Event a')).toBeLessThan(text.indexOf('Event b'));
    expect(text).toContain('You are going.');
    expect(text).toContain('You said maybe.');
    expect(text).not.toMatch(/Event (gone|far|past)/);
    expect(ids(blocks)).toEqual(expect.arrayContaining(['event:going:T1:C1:a', 'event:maybe:T1:C1:a', 'event:cant:T1:C1:b']));
    expect(eventBlocks('en', community, 'U2', [event('far', NOW + 20 * DAY)], NOW)).toEqual([]);
  });

  it('lists open proposals and polls a line each, five at most, then how many more', () => {
    const decision = (n: number, over: Partial<Decision> = {}) =>
      ({ id: `d${n}`, kind: 'simple', title: `Question ${n}`, status: 'open', closesAt: '2026-11-30T18:00:00.000Z', ...over }) as Decision;
    const blocks = decisionBlocks('en', [
      decision(1, { kind: 'proposal' }),
      ...[2, 3, 4, 5, 6, 7].map((n) => decision(n)),
      decision(8, { status: 'closed' }),
    ]);
    const text = texts(blocks);
    expect(text).toContain('🤝 **Question 1** · closes <t:1796061600:f>');
    expect(text).toContain('🗳 **Question 2**');
    expect(text).not.toContain('Question 6');
    expect(text).toContain('…and 2 more.');
    expect(text).not.toContain('Question 8');
  });

  it('offers Answer on today’s stand-up once it went out, and names one still to come today', () => {
    const schedule = (id: string, days: number[]): StandupSchedule => ({
      id,
      communityId: 'C1',
      name: `Standup ${id}`,
      channelId: 'C1',
      days,
      time: '17:00',
      zone: 'UTC',
      questions: ['Done?'],
      participants: 'optin',
      delivery: 'channel',
      windowMinutes: 60,
      members: ['U2'],
      createdBy: 'U1',
      updatedAt: at,
    });
    const run = {
      id: '2026-11-25.open',
      scheduleId: 'open',
      communityId: 'C1',
      date: '2026-11-25',
      name: 'x',
      questions: [],
      locale: 'en' as const,
      channelId: 'C1',
      participants: ['U2'],
      skipped: [],
      postedAt: at,
    };
    // 2026-11-25 is a Wednesday (3).
    const blocks = standupBlocks('en', community, 'U2', [
      { schedule: schedule('open', [3]), date: '2026-11-25', run },
      { schedule: schedule('later', [3]), date: '2026-11-25' },
      { schedule: schedule('monday', [1]), date: '2026-11-25' },
    ]);
    expect(ids(blocks)).toEqual(['standup:answer:T1:C1:2026-11-25.open']);
    expect(texts(blocks)).toContain('**Standup later** at 17:00 (UTC)');
    expect(texts(blocks)).not.toContain('Standup monday');
  });
});
