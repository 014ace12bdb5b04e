import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from './i18n/translate.ts';
import { linesWithMore } from './list-more.ts';

describe('linesWithMore', () => {
  beforeAll(() => loadLocale('ru'));
  const lines = Array.from({ length: 27 }, (_, i) => `line ${i + 1}`);

  it('keeps a short list whole', () => {
    expect(linesWithMore('en', lines.slice(0, 3), { max: 20 })).toBe('line 1\nline 2\nline 3');
  });

  it('says how many more and how to see them, in both languages with plural forms', () => {
    const en = linesWithMore('en', lines, { max: 20, how: 'Narrow it.' });
    expect(en.split('\n')).toHaveLength(21);
    expect(en.endsWith('…and 7 more. Narrow it.')).toBe(true);
    expect(linesWithMore('ru', lines, { max: 26 })).toMatch(/…и ещё 1 пункт\.$/);
    expect(linesWithMore('ru', lines, { max: 24 })).toMatch(/…и ещё 3 пункта\.$/);
    expect(linesWithMore('ru', lines, { max: 20 })).toMatch(/…и ещё 7 пунктов\.$/);
  });

  it('can keep the newest lines, in their order', () => {
    expect(linesWithMore('en', lines, { max: 2, last: true })).toBe('line 26\nline 27\n…and 25 more.');
  });

  it('stops within its character budget rather than leaving the renderer to cut mid-line', () => {
    const long = Array.from({ length: 10 }, () => 'x'.repeat(500));
    const text = linesWithMore('en', long, { max: 10, budget: 1800 });
    expect(text.split('\n').filter((l) => l.startsWith('x'))).toHaveLength(3);
    expect(text).toContain('…and 7 more.');
  });
});
