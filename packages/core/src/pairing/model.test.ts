import { describe, expect, it } from 'vitest';
import { matchRound, type PairingRound, repeatsIn } from './model.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => `U${i + 1}`);

/** Runs `rounds` rounds, each avoiding the ones before. */
function run(members: string[], rounds: number, seed = 7): PairingRound[] {
  const done: PairingRound[] = [];
  for (let i = 0; i < rounds; i++) done.push({ number: i + 1, date: `2026-12-0${i + 1}`, groups: matchRound(members, done, seed + i) });
  return done;
}

describe('matchRound', () => {
  it('makes pairs and one trio for an odd count, everyone once', () => {
    const groups = matchRound(people(7), [], 1);
    expect(groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(groups.flat().sort()).toEqual(people(7).sort());
    expect(
      matchRound(people(5), [], 1)
        .map((g) => g.length)
        .sort(),
    ).toEqual([2, 3]);
  });

  it('repeats nobody over three rounds of seven (two pairs and a trio each)', () => {
    const seven = run(people(7), 3);
    for (let i = 1; i < seven.length; i++) expect(repeatsIn(seven[i]?.groups ?? [], seven.slice(0, i))).toBe(0);
  });

  it('keeps repeats to the unavoidable minimum for five: a pair and a trio always share one pair with the round before', () => {
    // Five people meet in 4 pairs a round (a pair and a trio); whatever the first round, any trio of the
    // second contains a pair that met: the minimum is one repeat, and that is what it finds.
    const five = run(people(5), 2);
    expect(five[1]?.groups.map((g) => g.length).sort()).toEqual([2, 3]);
    expect(repeatsIn(five[1]?.groups ?? [], five.slice(0, 1))).toBe(1);
  });

  it('is deterministic for a seed and pairs newcomers with leaders first', () => {
    expect(matchRound(people(8), [], 42)).toEqual(matchRound(people(8), [], 42));
    const groups = matchRound(people(4), [], 3, { leaders: new Set(['U1', 'U2']), newcomers: new Set(['U3', 'U4']) });
    for (const g of groups) expect(g.some((u) => u === 'U1' || u === 'U2')).toBe(true);
  });
});
