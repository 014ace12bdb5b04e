import { IANAZone } from 'luxon';
import { parseDays, parseTime } from '../kernel/schedule.ts';
import { findZone } from '../kernel/zone-names.ts';

/** What the "when" field of the stand-up modal says: days, time, optional zone and summary window. */
export interface When {
  readonly days: number[];
  readonly time: string;
  readonly zone: string;
  readonly windowMinutes?: number;
}

/**
 * Reads "mon-fri 09:30", "пн,ср,пт 18:00 Europe/Moscow", "daily 9am UTC 2h": days first, then a time,
 * optionally a zone, IANA or a city or country (default `zone`), and the summary window in hours (`2h`, `2ч`).
 * undefined when any part is not understood.
 */
export function parseWhen(input: string, zone: string): When | undefined {
  const words = input.trim().split(/\s+/).filter(Boolean);
  let time: string | undefined;
  let found = zone;
  let windowMinutes: number | undefined;
  const rest: string[] = [];
  for (const [i, word] of words.entries()) {
    const hours = /^(\d{1,2})\s*(h|ч)$/i.exec(word);
    if (hours) windowMinutes = Number(hours[1]) * 60;
    else if (word.includes('/') || /^utc$/i.test(word)) {
      if (!IANAZone.isValidZone(word)) return undefined;
      found = /^utc$/i.test(word) ? 'UTC' : word;
    } else if (!time && /^(\d{1,2}([:.]\d{2})?(am|pm)?)$/i.test(word)) {
      // "9:30 pm" arrives as two words.
      const next = words[i + 1];
      const withSuffix = next && /^(am|pm)$/i.test(next) ? `${word} ${next}` : word;
      time = parseTime(withSuffix.replace('.', ':'));
      if (!time) return undefined;
    } else if (/^(at|в|во)$/iu.test(word) && /^\d/.test(words[i + 1] ?? '')) {
      // "at 9:30", "в 18:00": the words that introduce a time, dropped as the date reader drops them.
    } else if (!/^(am|pm)$/i.test(word)) {
      // A city or a country with one zone names the zone too: "пн,ср,пт 18:00 Москва".
      const named = /\d/.test(word) ? undefined : findZone(word);
      if (named && 'zone' in named && !parseDays(word)) found = named.zone;
      else rest.push(word);
    }
  }
  const days = parseDays(rest.join(' ') || 'daily');
  if (!days || !time) return undefined;
  if (windowMinutes !== undefined && (windowMinutes < 60 || windowMinutes > 24 * 60)) return undefined;
  return { days, time, zone: found, ...(windowMinutes !== undefined ? { windowMinutes } : {}) };
}
