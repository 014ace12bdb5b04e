import { DateTime, IANAZone } from 'luxon';
import type { Due } from './due-date.ts';
import { weekdayOf } from './weekdays.ts';

/** A UTC minute, 'YYYY-MM-DDTHH:MM' — the due bucket key. */
export type Minute = string;

/** A repeating weekly slot: ISO weekdays (1 = Monday … 7 = Sunday), a 24h 'HH:MM' wall-clock time and an IANA zone. */
export interface Weekly {
  readonly days: readonly number[];
  readonly time: string;
  readonly zone: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The UTC minute containing `date` (seconds and milliseconds dropped). */
export function minuteOf(date: Date): Minute {
  return date.toISOString().slice(0, 16);
}

/** The first instant of a Minute; the inverse of {@link minuteOf}. */
export function minuteStart(minute: Minute): Date {
  return new Date(`${minute}:00.000Z`);
}

/** The Minute `minutes` after `at` (used to schedule summaries). */
export function minuteAfter(at: Date, minutes: number): Minute {
  return minuteOf(new Date(at.getTime() + minutes * MINUTE_MS));
}

/**
 * The minutes after `from` (exclusive) up to `to` (inclusive), oldest first, at most `max` (the newest `max` when more).
 * `from` undefined → just [to]. The cap keeps a scheduler that was down for hours from replaying every missed bucket;
 * the newest are kept because they are the ones still worth acting on.
 */
export function minutesToRun(from: Minute | undefined, to: Minute, max: number): Minute[] {
  if (max < 1) return [];
  const end = minuteStart(to).getTime();
  const first = from === undefined ? end : minuteStart(from).getTime() + MINUTE_MS;
  const start = Math.max(first, end - (max - 1) * MINUTE_MS);
  const out: Minute[] = [];
  for (let t = start; t <= end; t += MINUTE_MS) out.push(minuteOf(new Date(t)));
  return out;
}

/**
 * The instant a local wall-clock time names in `zone`. Luxon alone is not enough: for an ambiguous fall-back time it
 * picks the later instant in some zones and the earlier in others, so both offsets around the day are tried here.
 * Assumes at most one offset change within a day of the time, true of every zone in the tz database.
 */
function localInstant(date: string, time: string, zone: IANAZone): Date {
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const valid = [before, after].map((o) => wall - o * MINUTE_MS).filter((ts) => wall - zone.offset(ts) * MINUTE_MS === ts);
  // No valid reading means the time falls in a spring-forward gap: reading it with the old offset moves it forward by the gap.
  return new Date(valid.length ? Math.min(...valid) : wall - before * MINUTE_MS);
}

/** The local calendar date (YYYY-MM-DD) of an instant in `zone` — the day holidays and absences are keyed by. */
export function localDateOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}

const calendar = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

/**
 * The first occurrence strictly after `after`: the UTC instant and the local calendar date (YYYY-MM-DD) in `zone`.
 * A local time that does not exist on a DST spring-forward day moves forward by the gap (02:30 → 03:30 in
 * America/New_York); an ambiguous fall-back time takes the first (earlier) instant. Skips days in `skipDates`
 * (local YYYY-MM-DD, holidays). undefined when days is empty, or the time or zone is invalid.
 */
export function nextOccurrence(weekly: Weekly, after: Date, skipDates?: ReadonlySet<string>): { at: Date; localDate: string } | undefined {
  const zone = IANAZone.create(weekly.zone);
  const time = parseTime(weekly.time);
  const days = new Set(weekly.days);
  if (!zone.isValid || !time || ![...days].some((d) => Number.isInteger(d) && d >= 1 && d <= 7)) return undefined;
  const today = calendar(localDateOf(after, weekly.zone));
  // Every skipped date uses up one matching day, and every week has one, so this bound always finds an answer.
  const horizon = 7 * ((skipDates?.size ?? 0) + 2);
  for (let i = 0; i < horizon; i++) {
    const day = today.plus({ days: i });
    const localDate = day.toISODate() ?? '';
    if (!days.has(day.weekday) || skipDates?.has(localDate)) continue;
    const at = localInstant(localDate, time, zone);
    if (at.getTime() > after.getTime()) return { at, localDate };
  }
  return undefined;
}

const everyDay = /^(daily|every ?day|ежедневно|каждый день|все дни)$/;
const workDays = /^(weekdays|workdays|будни|по будням)$/;
const dayOf = (word: string) => weekdayOf(word);

/**
 * Reads a set of weekdays as people type it, in English and Russian: 'mon-fri', 'weekdays', 'daily', 'mon,wed,fri',
 * 'tue-thu', 'пн-пт', 'будни', 'каждый день', full names. Ranges may wrap ('fri-mon'). Sorted unique ISO numbers;
 * undefined if anything is unrecognised or the input is empty, so a typo never silently drops a day.
 */
export function parseDays(input: string): number[] | undefined {
  const text = input.toLocaleLowerCase().trim().replace(/\s+/g, ' ');
  if (everyDay.test(text)) return [1, 2, 3, 4, 5, 6, 7];
  if (workDays.test(text)) return [1, 2, 3, 4, 5];
  const tokens = text
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[\s,;]+/)
    .filter((t) => t && t !== 'and' && t !== 'и');
  if (!tokens.length) return undefined;
  const days = new Set<number>();
  for (const token of tokens) {
    const [from, to, extra] = token.split('-').map(dayOf);
    if (!from || extra !== undefined || (token.includes('-') && !to)) return undefined;
    // A wrapping range such as 'fri-mon' walks through the weekend.
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (d === (to ?? from)) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/**
 * Reads a time of day: '9:30', '09:30', '9', '9am', '9:30 pm', '17:00', '9.30'; 12am is midnight and 12pm noon.
 * Returns 'HH:MM' (24h), or undefined when invalid (25:00, 9:60, 13pm, 'noon').
 */
export function parseTime(input: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(?:\s*([ap])\.?m\.?)?$/.exec(input.toLocaleLowerCase().trim());
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const half = match[3];
  if (minute > 59) return undefined;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const shortNames = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ru: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
} as const;

/** Days for people: short names joined by ', ' ('Mon, Wed, Fri' / 'пн, ср, пт'), or 'every day' / 'weekdays' in the locale. */
export function describeDays(days: readonly number[], locale: 'en' | 'ru'): string {
  const unique = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  if (unique.length === 7) return locale === 'ru' ? 'каждый день' : 'every day';
  if (unique.join() === '1,2,3,4,5') return locale === 'ru' ? 'по будням' : 'weekdays';
  return unique.map((d) => shortNames[locale][d - 1]).join(', ');
}

/** Owners are nudged at the start of a working day, not at midnight when the due day begins. */
const REMINDER_TIME = '09:00';

/**
 * When a task's owner is reminded: 09:00 local on the day before the due date, 09:00 local on the due date, and
 * 'overdue' one minute after `dueAt` (the end of the due day), so it fires only once the day has fully passed.
 * Only instants strictly after `now` are returned, in time order; none for a zone the timezone database does not know.
 */
export function taskReminders(due: Due, zone: string, now: Date): { kind: 'dayBefore' | 'morning' | 'overdue'; at: Date }[] {
  const tz = IANAZone.create(zone);
  if (!tz.isValid) return [];
  const dayBefore = calendar(due.date).minus({ days: 1 }).toISODate() ?? '';
  const all = [
    { kind: 'dayBefore' as const, at: localInstant(dayBefore, REMINDER_TIME, tz) },
    { kind: 'morning' as const, at: localInstant(due.date, REMINDER_TIME, tz) },
    { kind: 'overdue' as const, at: new Date(due.dueAt * 1000 + MINUTE_MS) },
  ];
  return all.filter((r) => r.at.getTime() > now.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** `hour`:00 local on a calendar day in `zone` (DST handled), as an instant. */
export function localMorning(date: string, zone: string, hour: number): Date {
  return localInstant(date, `${String(hour).padStart(2, '0')}:00`, IANAZone.create(zone));
}
