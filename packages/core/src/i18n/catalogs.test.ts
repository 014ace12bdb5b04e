import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ru } from './ru.ts';
import { loadLocale, preferredLocale, t, toLocale } from './translate.ts';

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
