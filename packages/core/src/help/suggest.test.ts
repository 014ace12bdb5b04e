import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './suggest.ts';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('stauts', 'status')).toBe(1);
    expect(editDistance('evnt', 'event')).toBe(1);
    expect(editDistance('sett', 'set')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closest', () => {
  const words = [
    ['status', 'status'],
    ['story', 'story'],
    ['event', 'event'],
    ['events', 'events'],
    ['статус', 'status'],
  ] as const;
  it('suggests the nearest known word, and the command an alias names', () => {
    expect(closest('stauts', words)).toBe('status');
    expect(closest('EVNT', words)).toBe('event');
    expect(closest('сатус', words)).toBe('status');
  });
  it('suggests nothing for a word far from every command', () => {
    expect(closest('banana', words)).toBeUndefined();
    expect(closest('', words)).toBeUndefined();
  });
});
