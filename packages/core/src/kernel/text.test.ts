import { describe, expect, it } from 'vitest';
import { loadLocale, tn } from './i18n/translate.ts';
import { clip, firstOf, shown } from './text.ts';

/** A lone surrogate is what made `encodeURIComponent` (and so the Slack client) throw `URIError`. */
const encodable = (s: string) => {
  expect(() => encodeURIComponent(s)).not.toThrow();
  return s;
};

describe('clip', () => {
  it('leaves text that fits untouched', () => {
    expect(clip('hello', 5)).toBe('hello');
  });

  it('cuts before a family emoji instead of inside it', () => {
    const family = '👩‍👩‍👧';
    const text = `${'a'.repeat(8)}${family}tail`;
    for (let max = 9; max < text.length; max++) {
      const cut = encodable(clip(text, max));
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      expect(cut.includes(family) || !cut.includes('👩')).toBe(true);
    }
  });

  it('keeps flags and skin tones whole at the cut', () => {
    for (const emoji of ['🇺🇦', '🏳️‍🌈', '👍🏽', '🧑🏿‍🚀']) {
      const text = `${'x'.repeat(497)}${emoji}${emoji}`;
      const cut = encodable(clip(text, 500));
      expect(cut.length).toBeLessThanOrEqual(500);
      expect(cut).toBe(`${'x'.repeat(497)}…`);
    }
  });

  it('cuts a 500-character celebration of emoji into something a URL can carry', () => {
    const text = '🎉👩‍👩‍👧'.repeat(60);
    const cut = encodable(clip(text, 499));
    expect(cut.length).toBeLessThanOrEqual(499);
    expect(cut.replace('…', '').replaceAll('🎉👩‍👩‍👧', '').replaceAll('🎉', '')).toBe('');
  });
});

describe('firstOf', () => {
  it('says how many were left out', () => {
    expect(firstOf([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2, 3], more: 1 });
    expect(firstOf([1], 3)).toEqual({ shown: [1], more: 0 });
  });
});

describe('shown', () => {
  it('breaks user-typed mentions and broadcasts so they ping nobody', () => {
    const typed = 'hi <@U123> <!channel> <!here> <!everyone> <#C9> <!subteam^S1> @everyone';
    const out = shown(typed);
    expect(out).not.toMatch(/<[@#!]/);
    expect(out).not.toMatch(/@(everyone|here)\b/);
    expect(out.replaceAll('\u2060', '')).toBe('hi <@U123> @channel @here @everyone <#C9> <!subteam^S1> @everyone');
  });

  it('shows Slack’s escaped mentions as their names', () => {
    expect(shown('ask <@U1|bob> in <#C2|general>').replaceAll('\u2060', '')).toBe('ask @bob in #general');
  });

  it('is idempotent', () => {
    const once = shown('<@U1> <!here>');
    expect(shown(once)).toBe(once);
  });
});

describe('tn', () => {
  it('picks Russian one/few/many forms and English one/other', async () => {
    await loadLocale('ru');
    expect(tn('ru', 'list.more', 1, { how: '' })).toContain('1 пункт.');
    expect(tn('ru', 'list.more', 3, { how: '' })).toContain('3 пункта.');
    expect(tn('ru', 'list.more', 5, { how: '' })).toContain('5 пунктов.');
    expect(tn('ru', 'list.more', 21, { how: '' })).toContain('21 пункт.');
    expect(tn('en', 'list.more', 2, { how: 'See all.' })).toBe('…and 2 more. See all.');
  });
});

describe('clip without a mark', () => {
  it('trims input to a length on a grapheme boundary, adding nothing', () => {
    expect(encodable(clip(`${'n'.repeat(79)}🎉`, 80, ''))).toBe('n'.repeat(79));
    expect(clip('short', 80, '')).toBe('short');
  });
});
