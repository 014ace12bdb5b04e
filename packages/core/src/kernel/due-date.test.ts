import { describe, expect, it } from 'vitest';
import { isTimeZone, parseDue, parseStart, readDue } from './due-date.ts';

// Tuesday 24 November 2026, 20:00 UTC: already Wednesday morning in Tokyo.
const now = new Date('2026-11-24T20:00:00Z');
const date = (input: string, zone = 'UTC') => parseDue(input, zone, now)?.date;

describe('parseDue', () => {
  it('reads weekdays in English and Russian, counted in the community’s timezone', () => {
    expect(date('by friday')).toBe('2026-11-27');
    expect(date('до пятницы')).toBe('2026-11-27');
    expect(date('к пятнице')).toBe('2026-11-27');
    expect(date('в пятницу', 'Asia/Tokyo')).toBe('2026-11-27');
    // A weekday named on that very weekday is the next one.
    expect(date('tuesday')).toBe('2026-12-01');
    expect(date('вторник', 'Asia/Tokyo')).toBe('2026-12-01');
  });

  it('reads today, tomorrow and next week relative to the local day', () => {
    expect(date('tomorrow')).toBe('2026-11-25');
    expect(date('завтра', 'Asia/Tokyo')).toBe('2026-11-26');
    // A week from today, as chrono reads it.
    expect(date('next week')).toBe('2026-12-01');
    expect(date('на следующей неделе')).toBe('2026-12-01');
    expect(date('сегодня', 'America/Los_Angeles')).toBe('2026-11-24');
    expect(date('in 8 weeks')).toBe('2027-01-19');
    expect(date('через 8 недель')).toBe('2027-01-19');
    expect(date('in 10 days')).toBe('2026-12-04');
    expect(date('через 2 месяца')).toBe('2027-01-24');
    expect(date('in 8 fortnights')).toBeUndefined();
  });

  it('reads day and month, rolling into next year once the date has passed, and ISO dates', () => {
    expect(date('до 5 декабря')).toBe('2026-12-05');
    expect(date('December 5')).toBe('2026-12-05');
    expect(date('by 3 Jan')).toBe('2027-01-03');
    expect(date('2027-02-14')).toBe('2027-02-14');
  });

  it('puts the deadline at the end of that day in the timezone', () => {
    expect(parseDue('tomorrow', 'Europe/Moscow', now)?.dueAt).toBe(Date.parse('2026-11-25T20:59:59Z') / 1000);
  });

  it('refuses what it cannot read', () => {
    for (const text of ['someday', '31 February', '2026-13-01', 'friday 25:00', 'fridayy', 'in 8 fortnights', ''])
      expect(date(text), text).toBeUndefined();
  });

  it('keeps a time when one is given: the deadline is that time, not the end of the day', () => {
    expect(parseDue('friday 17:00', 'Europe/Moscow', now)).toEqual({
      date: '2026-11-27',
      dueAt: Date.parse('2026-11-27T14:00:00Z') / 1000,
      time: '17:00',
    });
    expect(parseDue('пятница 13', 'UTC', now)?.time).toBe('13:00');
  });
});

describe('readDue', () => {
  it('refuses a past date with the date it understood, and takes today', () => {
    expect(readDue('2026-11-01', 'UTC', now, 'en')).toEqual({ problem: 'past', understood: 'Sun 1 Nov' });
    expect(readDue('today 9am', 'UTC', now, 'en')).toEqual({ problem: 'past', understood: 'Tue 24 Nov, 09:00' });
    expect(readDue('1 ноября 2026', 'UTC', now, 'ru')).toEqual({ problem: 'past', understood: 'вс 1 нояб.' });
    expect(readDue('today', 'UTC', now, 'en')).toMatchObject({ due: { date: '2026-11-24' } });
    expect(readDue('gibberish', 'UTC', now, 'en')).toEqual({ problem: 'unknown' });
  });
});

describe('isTimeZone', () => {
  it('knows IANA zones only', () => {
    expect(isTimeZone('Europe/Moscow')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('parseStart', () => {
  it('reads a day, a time and a length in the community’s timezone', () => {
    expect(parseStart('friday 18:00 2h', 'Europe/Moscow', now)).toEqual({
      startsAt: Date.parse('2026-11-27T15:00:00Z') / 1000,
      minutes: 120,
      time: '18:00',
    });
    expect(parseStart('2026-12-05 6:30pm 90m', 'UTC', now)).toMatchObject({
      startsAt: Date.parse('2026-12-05T18:30:00Z') / 1000,
      minutes: 90,
    });
    expect(parseStart('завтра 19:00', 'UTC', now)).toMatchObject({ startsAt: Date.parse('2026-11-25T19:00:00Z') / 1000, minutes: 120 });
    expect(parseStart('в следующий вторник 17:00 2ч', 'Europe/Moscow', now, 'ru')).toMatchObject({
      startsAt: Date.parse('2026-12-01T14:00:00Z') / 1000,
      minutes: 120,
    });
    // A date-time picker's instant is taken as it is, whatever the zone.
    expect(parseStart('2026-12-05T14:00:00.000Z 90m', 'America/New_York', now)).toMatchObject({
      startsAt: Date.parse('2026-12-05T14:00:00Z') / 1000,
      minutes: 90,
    });
  });

  it('refuses a missing time, an impossible one, or a day it cannot read', () => {
    expect(parseStart('friday', 'UTC', now)).toBeUndefined();
    expect(parseStart('friday 25:00', 'UTC', now)).toBeUndefined();
    expect(parseStart('someday 18:00', 'UTC', now)).toBeUndefined();
  });
});
