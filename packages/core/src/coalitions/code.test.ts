import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, canonicalTyping, drawCode, normaliseCode, shownCode } from './code.ts';

describe('invitation codes', () => {
  it('draws 10 symbols of Crockford base32, never I, L, O or U', () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    for (let i = 0; i < 200; i++) {
      const code = drawCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(code).toHaveLength(CODE_LENGTH);
    }
  });

  it('uses every symbol, each from a byte’s low five bits', () => {
    const counting = (bytes: Uint8Array) => bytes.map((_, i) => i * 32 + i);
    expect(drawCode(counting)).toBe('0123456789');
    const high = (bytes: Uint8Array) => bytes.map((_, i) => 224 + 22 + i);
    expect(drawCode(high)).toBe('PQRSTVWXYZ');
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) for (const c of drawCode()) seen.add(c);
    expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
  });

  it('draws different codes', () => {
    const codes = new Set(Array.from({ length: 500 }, () => drawCode()));
    expect(codes.size).toBe(500);
  });

  it('shows a code in two halves and reads it back', () => {
    expect(shownCode('K7QX2M9DTR')).toBe('K7QX2-M9DTR');
    expect(normaliseCode('K7QX2-M9DTR')).toBe('K7QX2M9DTR');
  });

  it('reads a code in any case, with or without the dash and spaces', () => {
    for (const typed of ['k7qx2-m9dtr', 'K7QX2M9DTR', ' k7qx2 m9dtr ', 'K7QX2 — M9DTR', 'k7q x2m 9dt r'])
      expect(normaliseCode(typed), typed).toBe('K7QX2M9DTR');
  });

  it('reads O as zero and I or L as one', () => {
    expect(normaliseCode('OO1I1-LlOoA')).toBe('001111100A');
    expect(normaliseCode('ABCDE-FGHOI')).toBe('ABCDEFGH01');
    expect(normaliseCode('abcde-fghol')).toBe('ABCDEFGH01');
  });

  it('refuses what cannot be a code', () => {
    for (const typed of ['', 'K7QX2', 'K7QX2-M9DTRR', 'K7QX2-M9DTU', 'K7QX2-M9D!R', 'К7QX2-M9DTR', '🙂🙂🙂🙂🙂'])
      expect(normaliseCode(typed), typed).toBeUndefined();
    expect(canonicalTyping('ab-c o')).toBe('ABC0');
  });
});
