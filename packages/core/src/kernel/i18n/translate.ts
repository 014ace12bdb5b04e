import { en, type MessageKey } from './en.ts';

/** Languages Organizer speaks. */
export const locales = ['en', 'ru'] as const;
export type Locale = (typeof locales)[number];

/**
 * English is always here; other catalogs are loaded on first use (`loadLocale`), so a cold start in
 * English never parses them. Callers load the locale they are about to use; `t` falls back to English
 * only if one forgot, never to a missing string.
 */
const catalogs: Partial<Record<Locale, Record<MessageKey, string>>> = { en };
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<Record<MessageKey, string>>> = {
  ru: async () => (await import('./ru.ts')).ru,
};

/** Makes `locale`'s catalog available to `t` (a no-op once loaded, and for English). */
export async function loadLocale(locale: Locale | undefined): Promise<void> {
  if (!locale || catalogs[locale]) return;
  catalogs[locale] = await loaders[locale as Exclude<Locale, 'en'>]();
}

/** Variables interpolated into `{name}` placeholders. */
export type Vars = Record<string, string | number>;

/** Looks a message up in the locale's catalog and fills its `{placeholders}`. */
export function t(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  const template = (catalogs[locale] ?? en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Maps a platform locale tag (`ru`, `en-US`, `en-GB`) to a supported locale, or undefined. */
export function toLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (locales as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

export type { MessageKey };

/** Whether a key built at run time (`help.about.<form>`) is one of the catalogs' keys. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** A key whose catalog entries come in plural forms: `<key>.one`, `.few`, `.many` and `.other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * `t` for a counted message: the form for `count` in the locale's plural rules (Russian one 1, 21; few
 * 2–4, 22; many 5–20, 25; other for fractions), with `{count}` filled in.
 */
export function tn(locale: Locale, key: PluralKey, count: number, vars: Vars = {}): string {
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  const form = rules.select(count);
  const chosen = `${key}.${form}`;
  return t(locale, isMessageKey(chosen) ? chosen : `${key}.other`, { count, ...vars });
}

/** The first language of a browser's `Accept-Language` list that we speak, or undefined. */
export function preferredLocale(acceptLanguage: string | undefined | null): Locale | undefined {
  return (acceptLanguage ?? '')
    .split(',')
    .map((part) => toLocale(part.split(';')[0]?.trim()))
    .find((locale) => locale !== undefined);
}
