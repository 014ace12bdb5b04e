import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../features.ts';
import { allForms } from '../forms.ts';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { isMessageKey, loadLocale, type PluralKey, preferredLocale, t, tn, toLocale } from './translate.ts';

/** A key built from parts, which must be one of the catalogs'. */
const known = (key: string) => {
  if (!isMessageKey(key)) throw new Error(`no key ${key}`);
  return key;
};

describe('catalogs', () => {
  beforeAll(() => loadLocale('ru'));
  it('has exactly the same keys in English and Russian', () => {
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has no empty message', () => {
    for (const catalog of [en, ru]) for (const value of Object.values(catalog)) expect(value.trim()).not.toBe('');
  });
});

describe('t', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'setup.error.nameTooLong', { max: 80 })).toContain('80 characters');
    expect(t('ru', 'status.title', { name: 'Соседи' })).toBe('Соседи: где мы сейчас');
    expect(t('en', 'status.title')).toBe('{name}: where we are');
  });
});

describe('toLocale', () => {
  it('maps platform tags to supported locales', () => {
    expect(toLocale('ru')).toBe('ru');
    expect(toLocale('en-US')).toBe('en');
    expect(toLocale('pt-BR')).toBeUndefined();
    expect(toLocale(undefined)).toBeUndefined();
  });
});

describe('catalog texts within platform limits', () => {
  const keys = Object.keys(en) as (keyof typeof en)[];
  it('keeps modal labels within 45 characters, hints and placeholders within 100, in both languages', () => {
    for (const catalog of [en, ru]) {
      for (const key of keys.filter((k) => k.endsWith('.label'))) expect(catalog[key].length, key).toBeLessThanOrEqual(45);
      for (const key of keys.filter((k) => k.endsWith('.hint') || k.endsWith('.placeholder')))
        expect(catalog[key].length, key).toBeLessThanOrEqual(100);
    }
  });

  it('keeps modal titles and buttons within Slack’s 24 characters', () => {
    for (const catalog of [en, ru]) {
      for (const key of keys.filter((k) => /modal\..*title$|\.modal\.submit$|reflect\.title$/.test(k)))
        expect(catalog[key].length, key).toBeLessThanOrEqual(24);
    }
  });
});

describe('preferredLocale', () => {
  it('takes the first language of an Accept-Language list that we speak', () => {
    expect(preferredLocale('de-DE,ru;q=0.8,en;q=0.5')).toBe('ru');
    expect(preferredLocale('en-GB')).toBe('en');
    expect(preferredLocale('de, fr')).toBeUndefined();
    expect(preferredLocale(undefined)).toBeUndefined();
  });
});

describe('plural forms', () => {
  beforeAll(() => loadLocale('ru'));
  // CLDR's Russian categories: one 1, 21, 101; few 2–4, 22; many 0, 5–20, 25, 111.
  const russian: [number, 'one' | 'few' | 'many'][] = [
    [0, 'many'],
    [1, 'one'],
    [2, 'few'],
    [5, 'many'],
    [11, 'many'],
    [21, 'one'],
    [22, 'few'],
    [25, 'many'],
    [101, 'one'],
    [111, 'many'],
  ];
  const pluralKeys = Object.keys(en)
    .filter((k) => k.endsWith('.other'))
    .map((k) => k.slice(0, -'.other'.length) as PluralKey);

  it('gives every counted message all four forms in both catalogs', () => {
    expect(pluralKeys.length).toBeGreaterThan(5);
    for (const key of pluralKeys)
      for (const form of ['one', 'few', 'many', 'other'])
        expect(`${key}.${form}` in en && `${key}.${form}` in ru, `${key}.${form}`).toBe(true);
  });

  it('chooses the Russian form CLDR gives for 0, 1, 2, 5, 11, 21, 22, 25, 101, 111', () => {
    for (const key of pluralKeys)
      for (const [count, form] of russian)
        expect(tn('ru', key, count), `${key} ${count}`).toBe(t('ru', known(`${key}.${form}`), { count }));
    expect(tn('ru', 'erase.done', 21, { name: 'Соседи' })).toContain('21 запись');
    expect(tn('ru', 'erase.done', 22, { name: 'Соседи' })).toContain('22 записи');
    expect(tn('ru', 'erase.done', 111, { name: 'Соседи' })).toContain('111 записей');
    expect(tn('ru', 'values.line', 2, { value: 'забота' })).toContain('названо 2 раза');
  });

  it('uses the English singular for one and only one', () => {
    for (const key of pluralKeys) {
      expect(tn('en', key, 1)).toBe(t('en', known(`${key}.one`), { count: 1 }));
      for (const count of [0, 2, 11, 21]) expect(tn('en', key, count)).toBe(t('en', known(`${key}.other`), { count }));
    }
    expect(tn('en', 'role.saved', 1, { role: 'Outreach' })).toContain('1 responsibility.');
    expect(tn('en', 'values.line', 1, { value: 'care' })).toContain('named 1 time');
  });

  it('counts only through plural forms: no “{count} <word>” outside them, and no “the the”', () => {
    // "5 answers" written as "{count} answers", or dodged as "ответов: {count}".
    const counted = /\{(count|weeks|more|total|needed|target)\}\s+(?!(of|из)\s)\p{L}|\p{L}(ов|ей|ий)(:| —) \{count\}/u;
    // A verb after a count reads right for any number ("3 came", "1 held"); the strategy always has four parts.
    const agreesWithAnyCount = new Set([
      'strategy.saved',
      'event.attended.saved',
      'hint.relationships.oneOnOnes',
      'hint.relationships.values',
      'pair.status.off',
    ]);
    const dodged = [en, ru].flatMap((catalog) =>
      Object.entries(catalog)
        .filter(([key, text]) => !/\.(one|few|many|other)$/.test(key) && !agreesWithAnyCount.has(key) && counted.test(text))
        .map(([key]) => key),
    );
    expect(dodged).toEqual([]);
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/\bthe the\b/i);
  });
});

describe('scripts', () => {
  /** What a catalog text says in words: commands in backticks, mentions, placeholders and links are not prose. */
  const prose = (text: string) =>
    text
      // A command named through the registry (`{cmd:role.edit {role}}`) is code, as a backticked one is.
      .replace(/\{cmd:(?:[^{}]|\{\w+\})*\}/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\{\w+\}/g, ' ')
      .replace(/https?:\S+/g, ' ');
  /** Latin words a Russian text may hold: names of products and formats, timezone names, and the command words people type. */
  const commandWords = new Set(
    [
      ...Object.values(en).flatMap((text) => [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '')),
      // The words of every command form on either platform (Discord's option names and actions included).
      ...Object.values(allForms()).flatMap((form) => [...form.slack, ...form.discord]),
    ]
      .flatMap((code) => code.split(/[^A-Za-z0-9]+/))
      .filter((word) => /^[a-z0-9]+$/.test(word)),
  );
  const names = new Set(['Organizer', 'Slack', 'Discord', 'JSON', 'CSV', 'UTC', 'IANA', 'API']);
  const allowedLatin = (word: string) => names.has(word) || commandWords.has(word) || /^[A-Z][a-z]+\/[A-Za-z_]+$/.test(word);

  it('has no Cyrillic in English texts (no Russian examples in English hints)', () => {
    for (const [key, text] of Object.entries(en)) expect(prose(text), key).not.toMatch(/[\u0400-\u04FF]/);
  });

  it('has no Latin words in Russian texts other than product names, zones and commands', () => {
    for (const [key, text] of Object.entries(ru)) {
      const latin = prose(text).match(/[A-Za-z][A-Za-z/_]*/g) ?? [];
      // Discord's option descriptions list the values one types (`mine, all или overdue`): lower-case words there are commands.
      const values = key.startsWith('cmd.') ? latin.filter((w) => !/^[a-z-]+$/.test(w)) : latin;
      expect(
        values.filter((w) => !allowedLatin(w)),
        key,
      ).toEqual([]);
    }
  });
});

describe('modal texts', () => {
  it('come from the catalogs: no placeholder or label is written in the code in one language', () => {
    const root = join(import.meta.dirname, '..', '..');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const literal = /\b(placeholder|label|pickerLabel|hint|title|submit): '[^']*\p{L}/u;
    const offenders = sources.filter(
      (file) => !/(^|\/)i18n\/|\.(en|ru)\.ts$/.test(file) && literal.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
