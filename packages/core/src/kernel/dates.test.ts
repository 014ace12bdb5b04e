import { describe, expect, it } from 'vitest';
import { parseWhen } from '../standup/when.ts';
import { describeMoment, echoMoment, isPast, readMoment } from './dates.ts';
import { parseDays, parseTime } from './schedule.ts';
import { weekdayExamples } from './weekdays.ts';

// Tuesday 1 December 2026, 12:31 UTC (15:31 in Moscow).
const now = new Date('2026-12-01T12:31:00Z');
const read = (input: string, locale: 'en' | 'ru' = 'en', zone = 'Europe/Moscow') => readMoment(input, { zone, now, locale });
const at = (iso: string) => Date.parse(iso) / 1000;

describe('readMoment', () => {
  it('reads relative weekdays with a time in English and Russian, in the zone', () => {
    expect(read('next tuesday 5pm')).toEqual({ date: '2026-12-08', time: '17:00', at: at('2026-12-08T14:00:00Z') });
    expect(read('в следующий вторник 17:00', 'ru')).toEqual({ date: '2026-12-08', time: '17:00', at: at('2026-12-08T14:00:00Z') });
    expect(read('friday 18:00')).toMatchObject({ date: '2026-12-04', time: '18:00' });
    expect(read('к пятнице 18.30', 'ru')).toMatchObject({ date: '2026-12-04', time: '18:30' });
  });

  it('reads days without a time as the start of that day in the zone', () => {
    expect(read('next tuesday')).toEqual({ date: '2026-12-08', at: at('2026-12-07T21:00:00Z') });
    expect(read('tomorrow')?.date).toBe('2026-12-02');
    expect(read('in 3 days')?.date).toBe('2026-12-04');
    expect(read('через 3 дня', 'ru')?.date).toBe('2026-12-04');
    expect(read('до пятницы', 'ru')?.date).toBe('2026-12-04');
    expect(read('пт', 'ru')?.date).toBe('2026-12-04');
    expect(read('5 December')?.date).toBe('2026-12-05');
    expect(read('5 декабря', 'ru')?.date).toBe('2026-12-05');
    expect(read('2026-12-05')?.date).toBe('2026-12-05');
  });

  it('reads numeric dates as the person’s language writes them: month first in English, day first in Russian', () => {
    expect(read('12/10', 'en')?.date).toBe('2026-12-10');
    expect(read('10.12', 'ru')?.date).toBe('2026-12-10');
    expect(read('10/12', 'ru')?.date).toBe('2026-12-10');
    // Past this year's 12 October, so the next one.
    expect(read('12/10', 'ru')?.date).toBe('2027-10-12');
  });

  it('tries the other language when the person’s does not read it', () => {
    expect(read('tomorrow', 'ru')?.date).toBe('2026-12-02');
    expect(read('завтра', 'en')?.date).toBe('2026-12-02');
  });

  it('takes a picker’s exact instant as it is, shown in the zone', () => {
    expect(read('2026-12-05T14:00:00.000Z', 'en', 'Asia/Tokyo')).toEqual({
      date: '2026-12-05',
      time: '23:00',
      at: at('2026-12-05T14:00:00Z'),
    });
  });

  it('keeps the wall-clock time across a change of clocks', () => {
    // Chosen in November; New York falls back on 1 November 2026 and springs forward on 14 March 2027.
    expect(read('2027-03-20 9am', 'en', 'America/New_York')?.at).toBe(at('2027-03-20T13:00:00Z'));
    expect(read('march 20 2027 9am', 'en', 'America/New_York')?.at).toBe(at('2027-03-20T13:00:00Z'));
  });

  it('refuses text that is not wholly a date', () => {
    for (const text of [
      'a'.repeat(500),
      'b'.repeat(21),
      `tomorrow${' '.repeat(60)}.`,
      'someday',
      'friday 25:00',
      'fridayy',
      '31 February',
      '2026-13-01',
      '2026-1-5',
      'next tuesday and more',
      '',
    ])
      expect(read(text), text).toBeUndefined();
  });
});

describe('isPast', () => {
  const zone = 'Europe/Moscow';
  it('counts a day as past from the next day on, a time from the next minute on', () => {
    expect(isPast({ date: '2026-11-30', at: 0 }, { zone, now })).toBe(true);
    expect(isPast({ date: '2026-12-01', at: 0 }, { zone, now })).toBe(false);
    expect(isPast({ date: '2026-12-01', time: '15:00', at: at('2026-12-01T12:00:00Z') }, { zone, now })).toBe(true);
    expect(isPast({ date: '2026-12-01', time: '15:31', at: at('2026-12-01T12:31:00Z') }, { zone, now })).toBe(false);
  });
});

describe('describeMoment and echoMoment', () => {
  it('shows a moment in the language and zone, and echoes it for each reader', () => {
    const moment = { date: '2026-12-01', time: '17:00', at: at('2026-12-01T14:00:00Z') };
    expect(describeMoment(moment, { zone: 'Europe/Moscow', now, locale: 'en' })).toBe('Tue 1 Dec, 17:00');
    expect(describeMoment(moment, { zone: 'Europe/Moscow', now, locale: 'ru' })).toBe('вт 1 дек., 17:00');
    expect(describeMoment({ date: '2027-01-05', at: at('2027-01-04T21:00:00Z') }, { zone: 'Europe/Moscow', now, locale: 'en' })).toBe(
      'Tue 5 Jan 2027',
    );
    expect(echoMoment(moment)).toBe(`<t:${moment.at}:f>`);
    expect(echoMoment({ at: 5 })).toBe('<t:5:D>');
  });
});

describe('one reading of days and times everywhere', () => {
  const zone = 'Europe/Moscow';
  const weekdayOfDate = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

  it('reads every weekday word as the same day in stand-up days and in dates, alone and with a time', () => {
    for (const [word, day] of weekdayExamples) {
      expect(parseDays(word), word).toEqual([day]);
      for (const locale of ['en', 'ru'] as const) {
        const alone = readMoment(word, { zone, now, locale });
        expect(alone && weekdayOfDate(alone.date), `${word} (${locale})`).toBe(day);
        const timed = readMoment(`${word} 10:00`, { zone, now, locale });
        expect(timed && [weekdayOfDate(timed.date), timed.time], `${word} 10:00 (${locale})`).toEqual([day, '10:00']);
        // With the words that introduce a date: "until sun", "до вс", "к пт".
        const until = readMoment(`${/[а-я]/.test(word) ? 'до' : 'until'} ${word}`, { zone, now, locale });
        expect(until && weekdayOfDate(until.date), `until ${word}`).toBe(day);
      }
      expect(parseWhen(`${word} 10:00`, zone)?.days, `standup ${word} 10:00`).toEqual([day]);
    }
  });

  it('accepts and refuses the same times of day for dates and for stand-ups', () => {
    for (const time of ['9am', '9:30', '09:30', '9.30', '9:30pm', '9:30 pm', '12am', '12pm', '0:00', '23:59', '21.00', '9 p.m.'])
      expect(readMoment(`fri ${time}`, { zone, now, locale: 'en' })?.time, time).toBe(parseTime(time));
    for (const time of ['13pm', '24:00', '25:00', '9:60', '7:5']) {
      expect(readMoment(`friday ${time}`, { zone, now, locale: 'en' }), time).toBeUndefined();
      expect(parseWhen(`fri ${time}`, zone), time).toBeUndefined();
    }
    expect(parseWhen('пн-пт в 18:00', zone)).toEqual({ days: [1, 2, 3, 4, 5], time: '18:00', zone });
    expect(parseWhen('mon at 9:30', zone)).toEqual({ days: [1], time: '09:30', zone });
  });
});
