import { describe, expect, it } from 'vitest';
import { communityCommand } from './commands.ts';

interface Option {
  type: number;
  name: string;
  description: string;
  description_localizations?: Record<string, string>;
  required?: boolean;
  choices?: unknown[];
  options?: Option[];
}

/** Every option, with the path that leads to it. */
function walk(options: readonly Option[], path: string[] = []): { path: string; option: Option; siblings: readonly Option[] }[] {
  return options.flatMap((option) => [
    { path: [...path, option.name].join(' '), option, siblings: options },
    ...walk(option.options ?? [], [...path, option.name]),
  ]);
}

/** Discord refuses a whole command that breaks one of its limits, so `discord:register` would fail. */
describe('the /community command definition keeps within Discord’s limits', () => {
  const all = walk(communityCommand.options as unknown as Option[]);

  it('has at most 25 options at every level, and 25 choices per option', () => {
    expect(communityCommand.options.length).toBeLessThanOrEqual(25);
    for (const { path, option } of all) {
      expect((option.options ?? []).length, path).toBeLessThanOrEqual(25);
      expect((option.choices ?? []).length, path).toBeLessThanOrEqual(25);
    }
  });

  it('names options in lower case, 1–32 characters, unique among siblings', () => {
    for (const { path, option, siblings } of all) {
      expect(option.name, path).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(
        siblings.filter((s) => s.name === option.name),
        path,
      ).toHaveLength(1);
    }
  });

  it('describes every option in 1–100 characters, in English and Russian', () => {
    for (const { path, option } of [{ path: 'community', option: communityCommand as unknown as Option }, ...all]) {
      for (const text of [option.description, option.description_localizations?.ru ?? '']) {
        expect(text.length, path).toBeGreaterThan(0);
        expect(text.length, path).toBeLessThanOrEqual(100);
      }
    }
  });

  it('holds one’s own calendar, lang, tz and away in the me group, none of them top-level any more', () => {
    const top = communityCommand.options as unknown as Option[];
    for (const name of ['lang', 'tz', 'away']) expect(top.map((o) => o.name)).not.toContain(name);
    const me = top.find((o) => o.name === 'me');
    expect(me?.type).toBe(2);
    // `home` first: a group cannot be run bare, so one's Home is its first subcommand.
    expect(me?.options?.map((o) => o.name)).toEqual(['home', 'calendar', 'lang', 'tz', 'away']);
    expect(me?.options?.find((o) => o.name === 'calendar')?.options).toEqual([expect.objectContaining({ type: 5, name: 'reset' })]);
  });

  it('puts required options before optional ones', () => {
    for (const { path, option } of all) {
      const required = (option.options ?? []).map((o) => o.required === true);
      expect(required, path).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });
});
