import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';
import { parseAwayArgs } from '../members/away.ts';
import { parseTzArgs } from '../timezone/module.ts';

const RESET = /^(reset|new|сброс|сбросить|новые)$/iu;

/** `calendar [reset]`. */
export const parseCalendarArgs = (words: readonly string[]) => ({ type: 'calendar', reset: RESET.test(words[0] ?? '') });

/**
 * Slack's `me …`, the words of Discord's `me` group: `me calendar [reset]`, and one's own `me lang`, `me tz`
 * and `me away …` (the same as `lang me`, `tz me` and `away`); bare `me` is one's Home (`home/me.ts`).
 * Anything else shows the calendar links.
 */
export function parseMeArgs(words: readonly string[]): unknown {
  const [what = '', ...rest] = words;
  switch (what.toLowerCase()) {
    // Bare `me` (or `me home`, as Discord names it): what is one's own to do, as the Home tab shows it.
    case '':
    case 'home':
      return { type: 'me.view' };
    case 'lang':
    case 'language':
      return { type: 'language', me: true, ...(rest[0] ? { locale: clip(rest.join(' '), 20, '') } : {}) };
    case 'tz':
      return parseTzArgs(['me', ...rest]);
    case 'away':
      return parseAwayArgs(rest);
    default:
      return parseCalendarArgs(what.toLowerCase() === 'calendar' ? rest : words);
  }
}

/** Discord's `me calendar [reset:True]`. */
export const calendarFromOptions = (option: Options) => ({ type: 'calendar', reset: option('reset') === true });

/**
 * Discord's `me lang|tz` act on one's own setting; `community:True` on the community's, as the older
 * top-level `lang` and `tz` do without `me:True` (leaders only, as there).
 */
export const meLanguage = (option: Options) => ({ type: 'language', locale: option('locale'), me: option('community') !== true });
export const meTimezone = (option: Options) => ({ type: 'tz', zone: option('zone'), me: option('community') !== true });
export const meAway = (option: Options) =>
  option('off') === true ? { type: 'away', off: true } : { type: 'away', until: option('until'), off: false };
