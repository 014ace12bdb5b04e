import { DateTime, IANAZone } from 'luxon';

/** A due date: the calendar day, and the end of that day in the community's timezone (epoch seconds). */
export interface Due {
  readonly date: string;
  readonly dueAt: number;
}

const weekdays: [RegExp, number][] = [
  [/^(mon(day)?|понедельник[ауе]?)$/, 1],
  [/^(tue(s(day)?)?|вторник[ауе]?)$/, 2],
  [/^(wed(nesday)?|сред[аыуе])$/, 3],
  [/^(thu(rs(day)?)?|четверг[ауе]?)$/, 4],
  [/^(fri(day)?|пятниц[аыуе])$/, 5],
  [/^(sat(urday)?|суббот[аыуе])$/, 6],
  [/^(sun(day)?|воскресень[еяю])$/, 7],
];

const months: RegExp[] = [
  /^(jan(uary)?|январ[яь])$/,
  /^(feb(ruary)?|феврал[яь])$/,
  /^(mar(ch)?|март[а]?)$/,
  /^(apr(il)?|апрел[яь])$/,
  /^(may|ма[яй])$/,
  /^(jun(e)?|июн[яь])$/,
  /^(jul(y)?|июл[яь])$/,
  /^(aug(ust)?|август[а]?)$/,
  /^(sep(t(ember)?)?|сентябр[яь])$/,
  /^(oct(ober)?|октябр[яь])$/,
  /^(nov(ember)?|ноябр[яь])$/,
  /^(dec(ember)?|декабр[яь])$/,
];

const monthOf = (word: string) => months.findIndex((m) => m.test(word)) + 1;

/** True for a zone the timezone database knows, like `Europe/Moscow`. */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Understands what people type for a due date, in English and Russian: ISO dates, today/tomorrow,
 * next week, weekday names ("friday", "в пятницу", "до пятницы"), and day + month ("5 December",
 * "Dec 5", "до 5 декабря"). Days are counted in the community's timezone, DST included.
 */
export function parseDue(input: string, zone: string, now: Date): Due | undefined {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const words = input
    .toLocaleLowerCase()
    .replace(/[.,!]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .filter((w, i) => i > 0 || !['by', 'on', 'due', 'до', 'к', 'ко', 'в', 'во', 'на'].includes(w));
  const phrase = words.join(' ');
  let day: DateTime | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(phrase)) {
    const parsed = DateTime.fromISO(phrase, { zone });
    day = parsed.isValid ? parsed : undefined;
  } else if (/^(today|сегодня)$/.test(phrase)) day = today;
  else if (/^(tomorrow|завтра)$/.test(phrase)) day = today.plus({ days: 1 });
  else if (/^(next week|следующей неделе|следующая неделя|след неделе)$/.test(phrase)) day = today.plus({ weeks: 1 }).startOf('week');
  else if (/^(in|через) \d{1,3} \S+$/.test(phrase)) {
    // "in 8 weeks", "через 8 недель": days, weeks or months from today.
    const [, count = '0', unit = ''] = phrase.split(' ');
    const n = Number(count);
    if (/^(days?|дн(я|ей|ь))$/.test(unit)) day = today.plus({ days: n });
    else if (/^(weeks?|недел(ю|и|ь))$/.test(unit)) day = today.plus({ weeks: n });
    else if (/^(months?|месяц(а|ев)?)$/.test(unit)) day = today.plus({ months: n });
  } else if (words.length === 1) {
    const weekday = weekdays.find(([re]) => re.test(phrase))?.[1];
    if (weekday) day = today.plus({ days: (weekday - today.weekday + 7) % 7 });
  } else if (words.length === 2) {
    const [a = '', b = ''] = words;
    const [dayOfMonth, month] = /^\d{1,2}$/.test(a) ? [Number(a), monthOf(b)] : [Number(b), monthOf(a)];
    if (month > 0 && Number.isInteger(dayOfMonth)) {
      const candidate = DateTime.fromObject({ year: today.year, month, day: dayOfMonth }, { zone });
      if (candidate.isValid) day = candidate < today ? candidate.plus({ years: 1 }) : candidate;
    }
  }
  if (!day?.isValid) return undefined;
  return { date: day.toISODate() ?? '', dueAt: Math.floor(day.endOf('day').toSeconds()) };
}

/**
 * An event's start and length from "friday 18:00 2h", "2026-12-05 18:30 90m", "завтра 19:00 2ч": the day
 * as `parseDue` reads it, a time (24h or am/pm), an optional duration (default 2 hours), all in `zone`.
 */
export function parseStart(input: string, zone: string, now: Date): { startsAt: number; minutes: number } | undefined {
  const words = input.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  let minutes = 120;
  let clock: { hour: number; minute: number } | undefined;
  const rest: string[] = [];
  for (const word of words) {
    const length = /^(\d{1,3})(h|ч|m|min|мин)$/.exec(word);
    // A time has minutes or am/pm: a bare number is a day of the month ("5 December").
    const time = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(word);
    if (length) minutes = Number(length[1]) * (/^(h|ч)$/.test(length[2] ?? '') ? 60 : 1);
    else if (time && (time[2] || time[3]) && !clock) {
      let hour = Number(time[1]);
      const minute = Number(time[2] ?? 0);
      if (time[3] === 'pm' && hour < 12) hour += 12;
      if (time[3] === 'am' && hour === 12) hour = 0;
      if (hour > 23 || minute > 59) return undefined;
      clock = { hour, minute };
    } else rest.push(word);
  }
  const day = parseDue(rest.join(' '), zone, now);
  if (!day || !clock || minutes < 5 || minutes > 24 * 60) return undefined;
  const start = DateTime.fromISO(day.date, { zone }).set(clock);
  return start.isValid ? { startsAt: Math.floor(start.toSeconds()), minutes } : undefined;
}
