import { DateTime, IANAZone } from 'luxon';
import { type DateLocale, describeMoment, isPast, type Moment, readMoment } from './dates.ts';
import { t } from './i18n/translate.ts';

/**
 * A due date: the calendar day, and the deadline in the community's timezone (epoch seconds): the time
 * given ("friday 17:00"), or the end of that day. `time` is set only while a date just read is echoed.
 */
export interface Due {
  readonly date: string;
  readonly dueAt: number;
  readonly time?: string;
}

/** True for a zone the timezone database knows, like `Europe/Moscow`. */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const dueOf = (moment: Moment, zone: string): Due =>
  moment.time
    ? { date: moment.date, dueAt: moment.at, time: moment.time }
    : { date: moment.date, dueAt: Math.floor(DateTime.fromISO(moment.date, { zone }).endOf('day').toSeconds()) };

/**
 * Understands what people type for a due date, in English and Russian (see `dates.ts`), with an optional
 * time; days are counted in `zone`, DST included. A past date is returned as read (see `readDue`).
 */
export function parseDue(input: string, zone: string, now: Date, locale?: DateLocale): Due | undefined {
  const moment = readMoment(input, { zone, now, locale });
  return moment ? dueOf(moment, zone) : undefined;
}

/** A date that must not be past: the due date, or why not (`past` carries how it was understood). */
export type DueRead =
  | { readonly due: Due; readonly understood: string }
  | { readonly problem: 'unknown' }
  | { readonly problem: 'past'; readonly understood: string };

/**
 * `parseDue` for dates that must be today or later (tasks, campaign ends, away, holidays, follow-ups,
 * snoozes). A refused past date comes back as it was understood, "Tue 1 Dec, 17:00", to be shown.
 */
export function readDue(input: string, zone: string, now: Date, locale: DateLocale): DueRead {
  const moment = readMoment(input, { zone, now, locale });
  if (!moment) return { problem: 'unknown' };
  const understood = describeMoment(moment, { zone, now, locale });
  if (isPast(moment, { zone, now })) return { problem: 'past', understood };
  return { due: dueOf(moment, zone), understood };
}

/** The refusal of a past date, showing the date as understood and the zone it was read in. */
export function pastText(locale: DateLocale, understood: string, zone: string, timed = /\d{2}:\d{2}$/.test(understood)): string {
  return t(locale, timed ? 'dates.pastTime' : 'dates.past', { when: understood, zone });
}

const DURATION = /^(\d{1,3})(h|ч|m|min|мин)$/iu;

/**
 * An event's start and length from "friday 18:00 2h", "2026-12-05 18:30 90m", "завтра 19:00 2ч", or a
 * picker's exact instant: the day and time as `dates.ts` reads them, an optional duration (default 2
 * hours), all in `zone`. A day without a time is not a start.
 */
export function parseStart(
  input: string,
  zone: string,
  now: Date,
  locale?: DateLocale,
): { startsAt: number; minutes: number; time: string } | undefined {
  let minutes = 120;
  const rest: string[] = [];
  for (const word of input.trim().split(/\s+/).filter(Boolean)) {
    const length = DURATION.exec(word);
    if (length) minutes = Number(length[1]) * (/^(h|ч)$/iu.test(length[2] ?? '') ? 60 : 1);
    else rest.push(word);
  }
  const moment = readMoment(rest.join(' '), { zone, now, locale });
  if (!moment?.time || minutes < 5 || minutes > 24 * 60) return undefined;
  return { startsAt: moment.at, minutes, time: moment.time };
}
