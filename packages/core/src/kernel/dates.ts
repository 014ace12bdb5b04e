import * as chronoEn from 'chrono-node/en';
import * as chronoRu from 'chrono-node/ru';
import { DateTime } from 'luxon';
import { fullWeekdays } from './weekdays.ts';

/**
 * Every date and time people type goes through here: chrono (its English and Russian parsers only, about
 * 70 KB minified) reads the words, luxon places them in a timezone. This module is imported lazily (callers
 * `await import('./due-date.ts')`), so replies that read no date never load chrono.
 *
 * What is read: relative days and weekdays with or without a time ("next tuesday 5pm", "friday 18:00",
 * "tomorrow", "in 3 days", "через 3 дня", "в следующий вторник 17:00", "до пятницы", "пт"), day and month
 * ("5 December", "5 декабря", "Dec 5 2027"), ISO dates (`2026-12-05`) and, from date pickers, exact
 * instants (`2026-12-05T14:00:00Z`, taken as they are). Numeric dates follow the person's language:
 * English reads `12/10` month first (10 December, as chrono's English does), Russian reads `10.12` and
 * `10/12` day first (10 December). The person's language is tried first, then the other one.
 */
export interface Moment {
  /** The calendar day in the zone, `2026-12-08`. */
  readonly date: string;
  /** The time of day in the zone when one was given, `17:00`. */
  readonly time?: string;
  /** Epoch seconds: that time, or the start of the day when no time was given. */
  readonly at: number;
}

export type DateLocale = 'en' | 'ru';

export interface ReadOptions {
  /** IANA zone the words are meant in (the person's or the community's, as each caller decides). */
  readonly zone: string;
  readonly now: Date;
  readonly locale?: DateLocale | undefined;
  /** Read "monday" or "5 December" as the last one rather than the next (a report's range). */
  readonly backward?: boolean;
}

// Words that only introduce the date: "by friday", "until 5 December", "до пятницы", "к пятнице".
const LEADING = /^(by|on|due|until|till|before|from|at|до|к|ко|по|с|со|в|во|на)\s+/iu;
const EXACT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DAY = /^\d{4}-\d{1,2}-\d{1,2}$/;
// Russian dates with dots, "10.12" or "10.12.2026", are read by chrono's day-first slash format.
const DOTTED = /(?<![\d.:])(\d{1,2})\.(\d{1,2})(?:\.(\d{2}|\d{4}))?(?![\d.:])/gu;

// "к пятнице", "к среде": chrono's Russian knows the other cases of weekday names, not the dative.
const DATIVE: Record<string, string> = {
  понедельнику: 'понедельник',
  вторнику: 'вторник',
  среде: 'среда',
  четвергу: 'четверг',
  пятнице: 'пятница',
  субботе: 'суббота',
  воскресенью: 'воскресенье',
};

const MAX_LENGTH = 60;
const MAX_WORD = 20;

const pad = (n: number) => String(n).padStart(2, '0');

/** Russian habits chrono's Russian does not read: day-first dots ("10.12"), dotted times ("18.30"), the dative. */
function russian(text: string): string {
  return text
    .replace(DOTTED, (whole, d: string, m: string, y?: string) => {
      if (Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31) return `${d}/${m}${y ? `/${y}` : ''}`;
      return !y && Number(d) <= 23 && Number(m) <= 59 && m.length === 2 ? `${d}:${m}` : whole;
    })
    .replace(/[а-яё]+/giu, (word) => DATIVE[word.toLocaleLowerCase('ru')] ?? word);
}

function momentOf(at: DateTime, timed: boolean): Moment | undefined {
  if (!at.isValid) return undefined;
  const date = at.toISODate() ?? '';
  return timed
    ? { date, time: `${pad(at.hour)}:${pad(at.minute)}`, at: Math.floor(at.toSeconds()) }
    : { date, at: Math.floor(at.startOf('day').toSeconds()) };
}

/** The text as typed (end punctuation gone), then without the prepositions that introduce it. */
function dateTexts(input: string): string[] {
  const typed = fullWeekdays(input)
    .trim()
    .replace(/[,!?;]+$/u, '')
    .replace(/\s+/g, ' ');
  let bare = typed;
  for (let i = 0; i < 3 && LEADING.test(bare); i++) bare = bare.replace(LEADING, '');
  return bare === typed ? [typed] : [typed, bare];
}

function byChrono(text: string, locale: DateLocale, options: ReadOptions): Moment | undefined {
  const start = DateTime.fromJSDate(options.now, { zone: options.zone });
  // chrono reckons in a fixed offset: the zone's offset now. Its components (day, hour) are then placed
  // in the real zone by luxon, so a date across a DST change keeps its wall-clock time.
  const ref = { instant: options.now, timezone: start.offset };
  const parser = locale === 'ru' ? chronoRu.casual : chronoEn.casual;
  const source = locale === 'ru' ? russian(text) : text;
  const results = parser.parse(source, ref, { forwardDate: !options.backward });
  const [only] = results;
  // The whole text must be the date: "fridayy 5" or "friday 25:00" is not read as "friday".
  if (results.length !== 1 || !only || only.index !== 0 || only.text.length !== source.length) return undefined;
  const c = only.start;
  const timed = c.isCertain('hour');
  const at = DateTime.fromObject(
    {
      year: c.get('year') ?? start.year,
      month: c.get('month') ?? start.month,
      day: c.get('day') ?? start.day,
      ...(timed ? { hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 } : {}),
    },
    { zone: options.zone },
  );
  return momentOf(at, timed);
}

/**
 * What someone typed for a date, with or without a time, in `options.zone`; undefined when it is not
 * (wholly) a date. A past date is returned as read: callers decide whether the past is allowed.
 */
export function readMoment(input: string, options: ReadOptions): Moment | undefined {
  // No date people type is longer; chrono's patterns take a tenth of a second on 500 characters of nonsense.
  if (input.length > MAX_LENGTH) return undefined;
  const texts = dateTexts(input);
  const text = texts.at(-1) ?? '';
  if (!text) return undefined;
  // A picker's value is an exact instant: shown in the zone, never reinterpreted.
  if (EXACT.test(text)) return momentOf(DateTime.fromISO(text, { setZone: true }).setZone(options.zone), true);
  if (ISO_DAY.test(text))
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? momentOf(DateTime.fromISO(text, { zone: options.zone }), false) : undefined;
  // Nor has one a word past 20 characters (picker instants are read above): such text never reaches chrono.
  if (text.split(' ').some((word) => word.length > MAX_WORD)) return undefined;
  const first: DateLocale = options.locale ?? 'en';
  const second: DateLocale = first === 'en' ? 'ru' : 'en';
  for (const locale of [first, second])
    for (const each of texts) {
      const moment = byChrono(each, locale, options);
      if (moment) return moment;
    }
  return undefined;
}

/** True when the moment is before now: before today for a day, before this minute for a time. */
export function isPast(moment: Moment, options: Pick<ReadOptions, 'zone' | 'now'>): boolean {
  if (moment.time) return moment.at * 1000 < options.now.getTime() - 60_000;
  return moment.date < (DateTime.fromJSDate(options.now, { zone: options.zone }).toISODate() ?? '');
}

/** "Tue 1 Dec, 17:00" (or "вт 1 дек., 17:00"): how a refused date is shown back, in `zone`. */
export function describeMoment(moment: Moment, options: Pick<ReadOptions, 'zone' | 'now'> & { locale: DateLocale }): string {
  const { zone, now, locale } = options;
  const at = DateTime.fromSeconds(moment.at, { zone }).setLocale(locale);
  const day = at.toFormat(at.year === DateTime.fromJSDate(now, { zone }).year ? 'ccc d MMM' : 'ccc d MMM yyyy');
  return moment.time ? `${day}, ${moment.time}` : day;
}

/** A confirmation's echo of a date: each reader's own calendar (`<t:…:f>` with a time, `<t:…:D>` without). */
export function echoMoment(moment: Pick<Moment, 'at' | 'time'>): string {
  return moment.time ? `<t:${moment.at}:f>` : `<t:${moment.at}:D>`;
}
