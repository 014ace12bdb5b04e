import type { Locale } from './i18n/translate.ts';
import { tn } from './i18n/translate.ts';

/**
 * What a message block holds comfortably: Slack cuts a section at 3000 characters and Discord a message at
 * 2000 (4096 in an embed); a list stops short of that, so the renderers never cut it mid-line.
 */
export const LIST_BUDGET = 1800;

/**
 * Lines of a list, at most `max` of them and within `budget` characters, and when some were left out a
 * last line "…and N more" (plural-correct) followed by `how` to see them. `last`: keep the newest (the
 * end of the list) instead of the first, still in their order.
 */
export function linesWithMore(
  locale: Locale,
  lines: readonly string[],
  options: { max: number; how?: string; separator?: string; budget?: number; last?: boolean },
): string {
  const { max, how = '', separator = '\n', budget = LIST_BUDGET, last = false } = options;
  const candidates = last ? lines.slice(-max).reverse() : lines.slice(0, max);
  const kept: string[] = [];
  let used = 0;
  for (const line of candidates) {
    if (kept.length > 0 && used + separator.length + line.length > budget) break;
    kept.push(line);
    used += (kept.length > 1 ? separator.length : 0) + line.length;
  }
  if (last) kept.reverse();
  const more = lines.length - kept.length;
  return more > 0 ? [...kept, tn(locale, 'list.more', more, { how }).trim()].join(separator) : kept.join(separator);
}
