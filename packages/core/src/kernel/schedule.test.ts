import { describe, expect, it } from 'vitest';
import { parseDue } from './due-date.ts';
import {
  describeDays,
  localDateOf,
  minuteAfter,
  minuteOf,
  minuteStart,
  minutesToRun,
  nextOccurrence,
  parseDays,
  parseTime,
  taskReminders,
  type Weekly,
} from './schedule.ts';

const iso = (date: Date | undefined) => date?.toISOString().replace('.000Z', 'Z');
const next = (weekly: Weekly, after: string, skip?: ReadonlySet<string>) => {
  const found = nextOccurrence(weekly, new Date(after), skip);
  return found && { at: iso(found.at), localDate: found.localDate };
};
const moscowWeekdays: Weekly = { days: [1, 2, 3, 4, 5], time: '09:00', zone: 'Europe/Moscow' };
const newYorkDaily = (time: string): Weekly => ({ days: [1, 2, 3, 4, 5, 6, 7], time, zone: 'America/New_York' });

describe('schedule', () => {
  it('floors a date to its UTC minute and back, and adds minutes across midnight', () => {
    expect(minuteOf(new Date('2026-03-08T07:30:45.123Z'))).toBe('2026-03-08T07:30');
    expect(iso(minuteStart('2026-03-08T07:30'))).toBe('2026-03-08T07:30:00Z');
    expect(minuteOf(minuteStart('2026-12-31T23:59'))).toBe('2026-12-31T23:59');
    expect(minuteAfter(new Date('2026-12-31T23:45:10Z'), 30)).toBe('2027-01-01T00:15');
  });

  it('lists the missed minutes to catch up, oldest first, keeping only the newest `max`', () => {
    expect(minutesToRun('2026-12-31T23:58', '2027-01-01T00:01', 10)).toEqual(['2026-12-31T23:59', '2027-01-01T00:00', '2027-01-01T00:01']);
    expect(minutesToRun('2026-12-31T23:00', '2027-01-01T00:01', 2)).toEqual(['2027-01-01T00:00', '2027-01-01T00:01']);
    expect(minutesToRun('2027-01-01T00:01', '2027-01-01T00:01', 5)).toEqual([]);
    expect(minutesToRun(undefined, '2027-01-01T00:01', 5)).toEqual(['2027-01-01T00:01']);
  });

  it('finds the next weekday occurrence: Friday evening → Monday, later the same day, strictly after', () => {
    // 2026-01-09 is a Friday; 18:00 in Moscow.
    expect(next(moscowWeekdays, '2026-01-09T15:00:00Z')).toEqual({ at: '2026-01-12T06:00:00Z', localDate: '2026-01-12' });
    expect(next(moscowWeekdays, '2026-01-12T05:00:00Z')).toEqual({ at: '2026-01-12T06:00:00Z', localDate: '2026-01-12' });
    expect(next(moscowWeekdays, '2026-01-12T06:00:00Z')).toEqual({ at: '2026-01-13T06:00:00Z', localDate: '2026-01-13' });
    expect(localDateOf(new Date('2026-01-09T21:30:00Z'), 'Europe/Moscow')).toBe('2026-01-10');
    expect(nextOccurrence({ ...moscowWeekdays, days: [] }, new Date('2026-01-12T00:00:00Z'))).toBeUndefined();
  });

  it('keeps 09:00 in Moscow at 06:00Z all year, since Moscow has no DST', () => {
    expect(next(moscowWeekdays, '2026-01-14T12:00:00Z')?.at).toBe('2026-01-15T06:00:00Z');
    expect(next(moscowWeekdays, '2026-07-14T12:00:00Z')?.at).toBe('2026-07-15T06:00:00Z');
  });

  it('follows New York local time across the March and November 2026 DST changes', () => {
    // 09:00 EST = 14:00Z, 09:00 EDT = 13:00Z; clocks spring forward on 2026-03-08 and fall back on 2026-11-01.
    expect(next(newYorkDaily('09:00'), '2026-03-06T15:00:00Z')?.at).toBe('2026-03-07T14:00:00Z');
    expect(next(newYorkDaily('09:00'), '2026-03-07T15:00:00Z')?.at).toBe('2026-03-08T13:00:00Z');
    expect(next(newYorkDaily('09:00'), '2026-10-30T15:00:00Z')?.at).toBe('2026-10-31T13:00:00Z');
    expect(next(newYorkDaily('09:00'), '2026-10-31T15:00:00Z')?.at).toBe('2026-11-01T14:00:00Z');
  });

  it('moves a time lost to spring-forward ahead by the gap, and takes the earlier of a repeated fall-back time', () => {
    expect(next(newYorkDaily('02:30'), '2026-03-07T12:00:00Z')).toEqual({ at: '2026-03-08T07:30:00Z', localDate: '2026-03-08' });
    // 01:30 happens twice on 2026-11-01: 05:30Z (EDT) then 06:30Z (EST).
    expect(next(newYorkDaily('01:30'), '2026-10-31T12:00:00Z')?.at).toBe('2026-11-01T05:30:00Z');
    // Luxon alone picks the later instant here; 02:30 CEST = 00:30Z, 02:30 CET = 01:30Z.
    const berlin: Weekly = { days: [7], time: '02:30', zone: 'Europe/Berlin' };
    expect(next(berlin, '2026-10-24T12:00:00Z')?.at).toBe('2026-10-25T00:30:00Z');
  });

  it('skips holidays given as local dates', () => {
    // 2027-01-01 is a Friday; from Thursday morning the next is Friday unless it is skipped.
    expect(next(moscowWeekdays, '2026-12-31T07:00:00Z')?.localDate).toBe('2027-01-01');
    expect(next(moscowWeekdays, '2026-12-31T07:00:00Z', new Set(['2027-01-01']))).toEqual({
      at: '2027-01-04T06:00:00Z',
      localDate: '2027-01-04',
    });
  });

  it('reads weekday sets in English and Russian, and refuses anything unrecognised', () => {
    const table: [string, number[] | undefined][] = [
      ['mon-fri', [1, 2, 3, 4, 5]],
      ['weekdays', [1, 2, 3, 4, 5]],
      ['daily', [1, 2, 3, 4, 5, 6, 7]],
      ['Every day', [1, 2, 3, 4, 5, 6, 7]],
      ['mon,wed,fri', [1, 3, 5]],
      ['fri wed mon', [1, 3, 5]],
      ['tue-thu', [2, 3, 4]],
      ['Monday, Thursday', [1, 4]],
      ['fri-mon', [1, 5, 6, 7]],
      ['пн-пт', [1, 2, 3, 4, 5]],
      ['будни', [1, 2, 3, 4, 5]],
      ['ежедневно', [1, 2, 3, 4, 5, 6, 7]],
      ['каждый день', [1, 2, 3, 4, 5, 6, 7]],
      ['пн,ср,пт', [1, 3, 5]],
      ['понедельник, среда', [1, 3]],
      ['', undefined],
      ['mon,funday', undefined],
      ['mon-', undefined],
      ['mon-wed-fri', undefined],
      ['sometimes', undefined],
    ];
    for (const [input, days] of table) expect(parseDays(input), input).toEqual(days);
  });

  it('reads times in 24h and am/pm forms, and refuses invalid ones', () => {
    const table: [string, string | undefined][] = [
      ['9:30', '09:30'],
      ['09:30', '09:30'],
      ['9', '09:00'],
      ['9am', '09:00'],
      ['9:30 pm', '21:30'],
      ['17:00', '17:00'],
      ['12am', '00:00'],
      ['12pm', '12:00'],
      ['25:00', undefined],
      ['9:60', undefined],
      ['13pm', undefined],
      ['noon', undefined],
      ['', undefined],
    ];
    for (const [input, time] of table) expect(parseTime(input), input).toBe(time);
  });

  it('describes days for people in English and Russian', () => {
    expect(describeDays([5, 1, 3], 'en')).toBe('Mon, Wed, Fri');
    expect(describeDays([1, 3, 5], 'ru')).toBe('пн, ср, пт');
    expect(describeDays([1, 2, 3, 4, 5, 6, 7], 'en')).toBe('every day');
    expect(describeDays([7, 6, 5, 4, 3, 2, 1], 'ru')).toBe('каждый день');
    expect(describeDays([1, 2, 3, 4, 5], 'en')).toBe('weekdays');
    expect(describeDays([1, 2, 3, 4, 5], 'ru')).toBe('по будням');
  });

  it('reminds a task owner the morning before, the morning of, and once the due day is over', () => {
    const due = parseDue('2026-11-26', 'Europe/Moscow', new Date('2026-11-20T00:00:00Z'));
    if (!due) throw new Error('due date not parsed');
    const reminders = taskReminders(due, 'Europe/Moscow', new Date('2026-11-20T00:00:00Z'));
    expect(reminders.map((r) => [r.kind, iso(r.at)])).toEqual([
      ['dayBefore', '2026-11-25T06:00:00Z'],
      ['morning', '2026-11-26T06:00:00Z'],
      ['overdue', '2026-11-26T21:00:59Z'],
    ]);
  });

  it('places New York reminders in local time on a DST weekend', () => {
    const due = parseDue('2026-03-08', 'America/New_York', new Date('2026-03-01T00:00:00Z'));
    if (!due) throw new Error('due date not parsed');
    const reminders = taskReminders(due, 'America/New_York', new Date('2026-03-01T00:00:00Z'));
    expect(reminders.map((r) => [r.kind, iso(r.at)])).toEqual([
      ['dayBefore', '2026-03-07T14:00:00Z'],
      ['morning', '2026-03-08T13:00:00Z'],
      ['overdue', '2026-03-09T04:00:59Z'],
    ]);
  });

  it('drops reminders that are already past', () => {
    const due = { date: '2026-11-26', dueAt: Date.parse('2026-11-26T20:59:59Z') / 1000 };
    const kinds = (now: string) => taskReminders(due, 'Europe/Moscow', new Date(now)).map((r) => r.kind);
    expect(kinds('2026-11-25T06:00:00Z')).toEqual(['morning', 'overdue']);
    expect(kinds('2026-11-26T12:00:00Z')).toEqual(['overdue']);
    expect(kinds('2026-11-26T21:00:59Z')).toEqual([]);
  });
});
