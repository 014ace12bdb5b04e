import type { Ballot, Decision, Outcome } from './model.ts';
import { positions, senses } from './model.ts';

const AGREE = positions.indexOf('agree');
const DISAGREE = positions.indexOf('disagree');
const BLOCK = positions.indexOf('block');

/** A count per slot, from indexes (anything out of range is ignored: a ballot never breaks the count). */
function counts(size: number, picks: readonly number[][]): number[] {
  const out = new Array<number>(size).fill(0);
  for (const chosen of picks) for (const i of new Set(chosen)) if (Number.isInteger(i) && i >= 0 && i < size) out[i] = (out[i] ?? 0) + 1;
  return out;
}

/** Sums per option (scores, points); each value kept within `0..cap`. */
function sums(size: number, ballots: readonly Ballot[], cap: number): number[] {
  const out = new Array<number>(size).fill(0);
  for (const b of ballots)
    for (let i = 0; i < size; i++) {
      const v = b.values[i] ?? 0;
      if (Number.isFinite(v)) out[i] = (out[i] ?? 0) + Math.min(cap, Math.max(0, Math.trunc(v)));
    }
  return out;
}

/** The options with the highest total (ties keep all), in option order; none when nothing scored. */
function topOf(totals: readonly number[]): number[] {
  const max = Math.max(0, ...totals);
  return max > 0 ? totals.flatMap((v, i) => (v === max ? [i] : [])) : [];
}

/**
 * Whether a proposal passes by its rule, from its counts per position.
 * `share`: abstentions count as taking part (as Loomio counts them), so the share is of every ballot:
 * 3 agree and 1 abstains is 75%, not 100%.
 */
function passes(decision: Decision, totals: readonly number[], ballots: number): boolean {
  const agree = totals[AGREE] ?? 0;
  const disagree = totals[DISAGREE] ?? 0;
  const block = totals[BLOCK] ?? 0;
  switch (decision.rule ?? 'consent') {
    case 'unanimous':
      return agree > 0 && disagree === 0 && block === 0;
    case 'share':
      return ballots > 0 && agree * 100 >= (decision.share ?? 50) * ballots;
    default:
      return block === 0 && agree > disagree;
  }
}

/**
 * Instant runoff over ranked ballots (`values`: option indexes, first choice first). Each round counts
 * every ballot for its highest-ranked option still in the count; ballots with none left are exhausted and
 * drop out. An option with more than half of the ballots still counting wins. Otherwise the option with
 * the fewest votes is eliminated; a tie for fewest is broken by fewer first preferences in the first
 * round, then by eliminating the later option. When every option still in the count has the same votes,
 * they all win together (a tie, kept as ties are for other kinds).
 */
export function instantRunoff(size: number, rankings: readonly (readonly number[])[]): { winners: number[]; rounds: number[][] } {
  const clean = rankings.map((r) => [...new Set(r.filter((i) => Number.isInteger(i) && i >= 0 && i < size))]);
  const continuing = new Set(Array.from({ length: size }, (_, i) => i));
  const rounds: number[][] = [];
  while (continuing.size > 0) {
    const round = new Array<number>(size).fill(0);
    let counted = 0;
    for (const ranking of clean) {
      const choice = ranking.find((i) => continuing.has(i));
      if (choice === undefined) continue;
      round[choice] = (round[choice] ?? 0) + 1;
      counted++;
    }
    rounds.push(round);
    if (counted === 0) return { winners: [], rounds };
    const live = [...continuing];
    const top = Math.max(...live.map((i) => round[i] ?? 0));
    if (top * 2 > counted) return { winners: live.filter((i) => round[i] === top), rounds };
    const low = Math.min(...live.map((i) => round[i] ?? 0));
    if (low === top) return { winners: live, rounds };
    const first = rounds[0] ?? round;
    const lowest = live.filter((i) => round[i] === low);
    // Fewest first preferences goes first; among equals the later option.
    const out = lowest.reduce((a, b) => ((first[b] ?? 0) < (first[a] ?? 0) || ((first[b] ?? 0) === (first[a] ?? 0) && b > a) ? b : a));
    continuing.delete(out);
  }
  return { winners: [], rounds };
}

/**
 * The outcome of a decision from its ballots (pure): counts per position or option, the winners, and
 * for a proposal whether it passed by its rule. `eligible`: how many could vote when it closed.
 * Ranked choice: `totals` are the first preferences, `rounds` every round of the runoff.
 */
export function tally(decision: Decision, ballots: readonly Ballot[], eligible: number): Outcome {
  const size = decision.options.length;
  const base = { ballots: ballots.length, eligible: Math.max(eligible, ballots.length) };
  const first = ballots.map((b) => (b.values.length > 0 ? [b.values[0] as number] : []));
  switch (decision.kind) {
    case 'proposal': {
      const totals = counts(positions.length, first);
      return { ...base, passed: passes(decision, totals, ballots.length), winners: [], totals };
    }
    case 'sense':
      return { ...base, winners: [], totals: counts(senses.length, first) };
    case 'simple': {
      const totals = counts(size, first);
      return { ...base, winners: topOf(totals), totals };
    }
    case 'multi':
    case 'time':
    case 'optin': {
      const totals = counts(
        size,
        ballots.map((b) => [...b.values]),
      );
      return { ...base, winners: topOf(totals), totals };
    }
    case 'score': {
      const totals = sums(size, ballots, 5);
      return { ...base, winners: topOf(totals), totals };
    }
    case 'dot': {
      const totals = sums(size, ballots, decision.budget ?? 10);
      return { ...base, winners: topOf(totals), totals };
    }
    case 'ranked': {
      const { winners, rounds } = instantRunoff(
        size,
        ballots.map((b) => b.values),
      );
      return { ...base, winners, totals: rounds[0] ?? new Array<number>(size).fill(0), rounds };
    }
  }
}
