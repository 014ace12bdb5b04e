import { describe, expect, it } from 'vitest';
import { parseTzArgs } from '../timezone/module.ts';
import { parseStandupArgs } from './parse.ts';
import { parseWhen } from './when.ts';

describe('parseWhen', () => {
  it('reads days, a time, an optional zone and a summary window', () => {
    expect(parseWhen('mon-fri 09:30', 'UTC')).toEqual({ days: [1, 2, 3, 4, 5], time: '09:30', zone: 'UTC' });
    expect(parseWhen('пн,ср,пт 18:00 Europe/Moscow', 'UTC')).toEqual({ days: [1, 3, 5], time: '18:00', zone: 'Europe/Moscow' });
    expect(parseWhen('daily 9 pm utc 2h', 'Asia/Tokyo')).toEqual({
      days: [1, 2, 3, 4, 5, 6, 7],
      time: '21:00',
      zone: 'UTC',
      windowMinutes: 120,
    });
    expect(parseWhen('9.30', 'Asia/Tokyo')).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], time: '09:30', zone: 'Asia/Tokyo' });
  });

  it('takes a city or a country as the zone, as `tz` does', () => {
    expect(parseWhen('пн,ср,пт 18:00 Москва', 'UTC')).toEqual({ days: [1, 3, 5], time: '18:00', zone: 'Europe/Moscow' });
    expect(parseWhen('mon-fri 09:30 Berlin 2h', 'UTC')).toEqual({
      days: [1, 2, 3, 4, 5],
      time: '09:30',
      zone: 'Europe/Berlin',
      windowMinutes: 120,
    });
    // A country with several zones is no zone: the words are refused rather than guessed.
    expect(parseWhen('mon 09:30 Russia', 'UTC')).toBeUndefined();
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(parseWhen('someday 09:30', 'UTC')).toBeUndefined();
    expect(parseWhen('mon-fri', 'UTC')).toBeUndefined();
    expect(parseWhen('mon 25:00', 'UTC')).toBeUndefined();
    expect(parseWhen('mon 09:00 Mars/Base', 'UTC')).toBeUndefined();
    expect(parseWhen('mon 09:00 30h', 'UTC')).toBeUndefined();
  });
});

describe('parseStandupArgs', () => {
  it('turns the words after `standup` into commands', () => {
    expect(parseStandupArgs([])).toEqual({ type: 'standup.show' });
    expect(parseStandupArgs(['set', 'Weekly', 'sync'])).toEqual({ type: 'standup.set', name: 'Weekly sync' });
    expect(parseStandupArgs(['leave'])).toEqual({ type: 'standup.join', joined: false });
    expect(parseStandupArgs(['holiday', '5', 'декабря'])).toEqual({ type: 'standup.holiday', date: '5 декабря' });
    expect(parseStandupArgs(['report', '2026-11-01', '2026-11-30'])).toEqual({
      type: 'standup.report',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(parseStandupArgs(['dance'])).toEqual({ type: 'unknown', input: 'standup dance' });
  });

  it('tells the community’s timezone from one’s own', () => {
    expect(parseTzArgs(['me', 'Europe/Moscow'])).toEqual({ type: 'tz', zone: 'Europe/Moscow', me: true });
    expect(parseTzArgs(['Asia/Tokyo'])).toEqual({ type: 'tz', zone: 'Asia/Tokyo', me: false });
  });
});
