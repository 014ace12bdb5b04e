import { en, type MessageKey } from './en.ts';
import { ru } from './ru.ts';

/** Languages Organizer speaks. */
export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, ru };

/** Variables interpolated into `{name}` placeholders. */
export type Vars = Record<string, string | number>;

/** Looks a message up in the locale's catalog and fills its `{placeholders}`. */
export function t(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Maps a platform locale tag (`ru`, `en-US`, `en-GB`) to a supported locale, or undefined. */
export function toLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

export type { MessageKey };
