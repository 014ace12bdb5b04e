import { platformText } from '../kernel/forms.ts';
import { type Locale, tn } from '../kernel/i18n/translate.ts';

/** Text as HTML: every character that could open markup or an attribute is an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A catalog text as inline HTML: escaped first, then its own `**bold**` and `` `code` `` marks (which
 * escaping leaves intact and cannot smuggle markup through), its `{cmd:…}` as typed on the platform.
 */
export function inlineHtml(text: string, platform: 'slack' | 'discord'): string {
  return escapeHtml(platformText(text, platform))
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** An instant in the community's zone, as people there read it, with the zone named. */
export const instantText = (epochSeconds: number, locale: Locale, zone: string): string =>
  `${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(epochSeconds * 1000))} (${zone})`;

/** A calendar day (`YYYY-MM-DD`) written out in the language. */
export const dayText = (day: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));

/** `…and N more.` after a shortened list, or nothing. */
export const moreHtml = (locale: Locale, more: number): string =>
  more > 0 ? `<p class="more">${escapeHtml(tn(locale, 'dashboard.more', more))}</p>` : '';
