/**
 * Shortening and showing text safely, for every place that has to fit a platform limit or re-post
 * what someone typed.
 *
 * Units: Slack's and Discord's limits are counted here in UTF-16 code units (`String.length`). Slack
 * documents its limits in "characters" and measures them as JavaScript string length; Discord measures
 * some limits in code points. A text of at most N code units has at most N code points, so counting
 * code units keeps us within either.
 */

/** Made on the first cut, not at import: most requests never cut anything, and cold starts count. */
let graphemes: Intl.Segmenter | undefined;

/** Marks a cut: one character, so it costs one unit of any limit. */
export const ELLIPSIS = '…';

/** Graphemes are found in a window a little past the cut, so clipping a 10,000-character story stays cheap. */
const LOOKAHEAD = 64;

/**
 * `text` within `max` UTF-16 code units, cut on a grapheme boundary (never inside an emoji such as
 * 👩‍👩‍👧, a flag or a skin tone, which would leave a lone surrogate that `encodeURIComponent` throws on)
 * and ending with `mark` (`…`; `''` for input trimmed to a length, such as a name to look up) when
 * something was cut.
 */
export function clip(text: string, max: number, mark: string = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max < mark.length) return '';
  const room = max - mark.length;
  let end = 0;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment, index } of graphemes.segment(text.slice(0, room + LOOKAHEAD))) {
    if (index + segment.length > room) break;
    end = index + segment.length;
  }
  return mark ? `${text.slice(0, end).trimEnd()}${mark}` : text.slice(0, end);
}

/** Whether `text` fits `max` as it is (a modal prefill that does not fit is left out rather than cut). */
export const fits = (text: string, max: number): boolean => text.length <= max;

/** At most `max` items, and how many were left out. */
export function firstOf<T>(items: readonly T[], max: number): { shown: T[]; more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/**
 * Someone's text as something to show, not to send: mention and broadcast syntax (`<@U…>`, `<#C…>`,
 * `<!channel>`, `<!here>`, `<!subteam^…>`, Discord's `<@&…>`, `@everyone`, `@here`) is broken with a
 * word joiner (U+2060, invisible), so re-posting it pings nobody while it reads the same. Slack's
 * escaped form `<@U…|name>` becomes `@name`, `<#C…|name>` becomes `#name`.
 */
export function shown(text: string): string {
  return text
    .replace(/<([@#])[A-Z0-9&!]+\|([^<>|]+)>/gi, (_whole, sigil: string, name: string) => `${sigil}\u2060${name}`)
    .replace(/<!(channel|here|everyone)(?:\|[^<>]*)?>/gi, '@\u2060$1')
    .replace(/<(?=[@#!])/g, '<\u2060')
    .replace(/@(everyone|here|channel)\b/gi, '@\u2060$1');
}
