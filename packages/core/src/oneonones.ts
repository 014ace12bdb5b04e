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

/** "care, fairness; Safety" → ['care', 'fairness', 'safety']: values compared in lower case. */
export function parseValues(input: string): string[] {
  const values = input
    .split(/[,;\n]/)
    .map((v) => v.trim().toLocaleLowerCase().replace(/\s+/g, ' ').slice(0, oneOnOneLimits.value))
    .filter(Boolean);
  return [...new Set(values)].slice(0, oneOnOneLimits.values);
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

/** The most shared values, by how many conversations (and stories) named them. No names: counts only. */
export function topValues(lists: readonly (readonly string[])[], limit = 10): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const value of new Set(list)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}
