/** A community's pairing rounds (`…#PAIRING`): who opted in, who snoozed, the recent rounds. */
export interface Pairing {
  readonly communityId: string;
  readonly active: boolean;
  /** Weeks between rounds. */
  readonly everyWeeks: number;
  /** Newcomers are paired with leaders first. */
  readonly newcomersWithLeaders: boolean;
  readonly members: readonly string[];
  /** Member → last snoozed day (YYYY-MM-DD). */
  readonly snoozed: Readonly<Record<string, string>>;
  /** The last rounds, oldest first (kept short: they only steer the next matching). */
  readonly rounds: readonly PairingRound[];
  readonly version: number;
}

export interface PairingRound {
  readonly number: number;
  readonly date: string;
  readonly groups: readonly (readonly string[])[];
  /**
   * Group index → the one conversation its introduction and check-in go to (a Slack group DM, a Discord
   * private thread), or {@link BY_DIRECT_MESSAGE} when it could not be opened and each person is written to.
   */
  readonly conversations?: Readonly<Record<string, string>>;
}

/** A group whose conversation could not be opened: its messages go to each of them by direct message. */
export const BY_DIRECT_MESSAGE = 'dm';

export const pairingLimits = { keepRounds: 6, maxWeeks: 12 } as const;

export const emptyPairing = (communityId: string): Pairing => ({
  communityId,
  active: false,
  everyWeeks: 2,
  newcomersWithLeaders: false,
  members: [],
  snoozed: {},
  rounds: [],
  version: 0,
});

/** A small seeded generator (mulberry32): the same seed, the same pairs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pairs of people who met in a group. */
function pairsOf(groups: readonly (readonly string[])[]): string[] {
  return groups.flatMap((g) => g.flatMap((a, i) => g.slice(i + 1).map((b) => key(a, b))));
}

/** One matching attempt: greedy over a seeded shuffle, avoiding recent pairs, newcomers to leaders first. */
function attempt(
  people: readonly string[],
  met: ReadonlySet<string>,
  next: () => number,
  leaders: ReadonlySet<string>,
  newcomers: ReadonlySet<string>,
): string[][] {
  const pool = [...people];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  // Newcomers go first so they get the first pick of leaders.
  pool.sort((a, b) => Number(newcomers.has(b)) - Number(newcomers.has(a)));
  const groups: string[][] = [];
  while (pool.length > 1) {
    const a = pool.shift() as string;
    const fresh = pool.filter((b) => !met.has(key(a, b)));
    const preferred = newcomers.has(a) ? fresh.find((b) => leaders.has(b)) : undefined;
    const b = preferred ?? fresh[0] ?? (pool[0] as string);
    pool.splice(pool.indexOf(b), 1);
    groups.push([a, b]);
  }
  const left = pool[0];
  if (left !== undefined) {
    // An odd count makes one trio: where the one left over has met nobody, if such a group exists.
    const target = groups.find((g) => g.every((m) => !met.has(key(m, left)))) ?? groups.at(-1);
    if (target) target.push(left);
    else groups.push([left]);
  }
  return groups;
}

/**
 * Pairs the people for a round: no one with someone they met in the recent rounds when that is possible,
 * one trio when the count is odd, optionally newcomers with leaders first. Deterministic for a seed: the
 * best of a fixed number of seeded attempts (fewest repeats) is chosen.
 */
export function matchRound(
  people: readonly string[],
  recent: readonly PairingRound[],
  seed: number,
  options: { leaders?: ReadonlySet<string>; newcomers?: ReadonlySet<string> } = {},
): string[][] {
  if (people.length < 2) return [];
  const met = new Set(recent.flatMap((r) => pairsOf(r.groups)));
  const next = random(seed);
  let best: string[][] = [];
  let bestRepeats = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 200 && bestRepeats > 0; i++) {
    const groups = attempt([...people].sort(), met, next, options.leaders ?? new Set(), options.newcomers ?? new Set());
    const repeats = pairsOf(groups).filter((p) => met.has(p)).length;
    if (repeats < bestRepeats) {
      best = groups;
      bestRepeats = repeats;
    }
  }
  return best;
}

/** How many pairs in `groups` already met in `recent` rounds. */
export const repeatsIn = (groups: readonly (readonly string[])[], recent: readonly PairingRound[]) => {
  const met = new Set(recent.flatMap((r) => pairsOf(r.groups)));
  return pairsOf(groups).filter((p) => met.has(p)).length;
};
