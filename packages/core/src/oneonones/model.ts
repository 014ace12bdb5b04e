import { clip } from '../kernel/text.ts';

/** A one-on-one conversation, logged by one of the two (`…#ONEONONE#<logger>#<id>`). */
export interface OneOnOne {
  readonly id: string;
  readonly communityId: string;
  readonly loggerId: string;
  readonly partnerId: string;
  /** The day it happened (YYYY-MM-DD). */
  readonly date: string;
  /** Values that matter to them, as named (they feed the community's shared values, anonymised). */
  readonly values: readonly string[];
  /** Interests and resources: private to the logger (and the coordinator when shared). */
  readonly notes: string;
  readonly mine: readonly string[];
  readonly theirs: readonly string[];
  readonly followUp?: string;
  /** Shared with the coordinator. */
  readonly shared: boolean;
  readonly createdAt: string;
}

export const oneOnOneLimits = { values: 10, value: 40, notes: 1000, commitments: 5, commitment: 300 } as const;

/**
 * A value as it reads: trimmed, inner whitespace collapsed, trailing punctuation dropped ("Care." and
 * "care" are one value), its spelling kept for display.
 */
export function cleanValue(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.,;:!?…。]+$/u, '')
    .replace(/^["'«“„]+|["'»”]+$/gu, '')
    .trim();
}

/** What two spellings of one value share: the clean form, case-folded. */
export const valueKey = (value: string): string => cleanValue(value).toLocaleLowerCase();

/** "care, fairness; Safety." → ['care', 'fairness', 'Safety']: clean values, one per key, as first spelled. */
export function parseValues(input: string): string[] {
  const seen = new Map<string, string>();
  for (const part of input.split(/[,;\n]/)) {
    const value = clip(cleanValue(part), oneOnOneLimits.value, '');
    const key = valueKey(value);
    if (key && !seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()].slice(0, oneOnOneLimits.values);
}

/** One commitment per line, bullets and numbering dropped. */
export const parseLines = (input: string, max: number) =>
  input
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*([-*•]|\d+[.)])\s*/, '')
        .trim()
        .slice(0, oneOnOneLimits.commitment),
    )
    .filter(Boolean)
    .slice(0, max);

/**
 * The most shared values, by how many conversations (and stories) named them, each once however it was
 * spelled, shown in its most common spelling. No names: counts only.
 */
export function topValues(lists: readonly (readonly string[])[], limit = 10): { value: string; count: number }[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const list of lists) {
    const inList = new Map<string, string>();
    for (const value of list) {
      const key = valueKey(value);
      if (key && !inList.has(key)) inList.set(key, cleanValue(value));
    }
    for (const [key, spelling] of inList) {
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      group.count += 1;
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      groups.set(key, group);
    }
  }
  return [...groups.values()]
    .map(({ count, spellings }) => {
      const [value = ''] = [...spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
      return { value, count };
    })
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}
