import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../campaigns/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Task } from '../tasks/model.ts';
import { feedText } from './feed.ts';

const event = (over: Partial<CommunityEvent>): CommunityEvent => ({
  id: 'e1',
  communityId: 'C1',
  title: 'Meeting',
  startsAt: Date.parse('2027-03-30T16:00:00Z') / 1000,
  minutes: 60,
  place: '',
  description: '',
  channelId: 'C1',
  going: [],
  maybe: [],
  cant: [],
  waitlist: [],
  attended: [],
  createdBy: 'U1',
  createdAt: '2027-03-01T00:00:00Z',
  version: 1,
  ...over,
});
const campaign: Campaign = {
  id: 'k1',
  communityId: 'C1',
  name: 'Fix the boilers',
  goal: 'Every flat warm',
  endDate: '2027-04-30',
  phases: [{ id: 'kickoff', start: '2027-04-01', end: '2027-04-03' }],
  milestones: [{ text: '100 signatures', date: '2027-04-10' }],
  createdBy: 'U1',
  createdAt: '2027-03-01T00:00:00Z',
  updatedAt: '2027-03-01T00:00:00Z',
};
const task: Task = {
  id: 't1',
  communityId: 'C1',
  title: 'Print the flyers',
  ownerId: 'U2',
  createdBy: 'U1',
  due: { date: '2027-04-02', dueAt: Date.parse('2027-04-02T21:59:59Z') / 1000 },
  status: 'accepted',
  createdAt: '2027-03-01T00:00:00Z',
  updatedAt: '2027-03-01T00:00:00Z',
};
const now = new Date('2027-03-20T10:00:00Z');
const parse = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('the iCalendar feed', () => {
  it('writes events as UTC instants with stable UIDs, and days as DATE values', async () => {
    const text = await feedText({ name: 'Green Street', events: [event({})], campaigns: [campaign], tasks: [task] }, 'en', now);
    const [meeting, phase, milestone, due] = parse(text);
    expect(text).toContain('DTSTART:20270330T160000Z');
    expect(text).toContain(`DTSTAMP:20270320T100000Z`);
    expect(meeting?.uid).toBe('e1@organizer');
    expect(meeting?.endDate.toJSDate().toISOString()).toBe('2027-03-30T17:00:00.000Z');
    expect([phase?.summary, phase?.startDate.toString(), phase?.endDate.toString(), phase?.startDate.isDate]).toEqual([
      'Fix the boilers: Kickoff',
      '2027-04-01',
      '2027-04-04',
      true,
    ]);
    expect([milestone?.uid, milestone?.summary, milestone?.startDate.toString()]).toEqual([
      'milestone-k1-0@organizer',
      'Fix the boilers: 100 signatures',
      '2027-04-10',
    ]);
    expect([due?.uid, due?.summary, due?.startDate.toString(), due?.startDate.isDate]).toEqual([
      'task-t1@organizer',
      'Due: Print the flyers',
      '2027-04-02',
      true,
    ]);
  });

  it('escapes commas, semicolons, backslashes and newlines, and folds long lines on whole characters', async () => {
    const title = `Собрание, жильцов; ${'дом '.repeat(30)}\\ конец`;
    const text = await feedText(
      { name: 'A, B; C', events: [event({ title, place: 'Hall 2, Main St.', description: 'one\ntwo' })], campaigns: [], tasks: [] },
      'en',
      now,
    );
    expect(text).toContain('\r\nNAME:A\\, B\\; C\r\n');
    expect(text).toContain('LOCATION:Hall 2\\, Main St.');
    expect(text).toContain('DESCRIPTION:one\\ntwo');
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    // A continuation starts with one space; no character is cut in two (no replacement characters).
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    expect(text).not.toContain('\uFFFD');
    const [shown] = parse(text);
    expect(shown?.summary).toBe(title);
    expect(shown?.location).toBe('Hall 2, Main St.');
  });

  it('names phases and due dates in the feed’s language', async () => {
    await loadLocale('ru');
    const text = await feedText({ name: 'Соседи', events: [], campaigns: [campaign], tasks: [task] }, 'ru', now);
    expect(parse(text).map((e) => e.summary)).toEqual([
      'Fix the boilers: Старт',
      'Fix the boilers: 100 signatures',
      'Срок: Print the flyers',
    ]);
  });
});
