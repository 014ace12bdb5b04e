import { describe, expect, it } from 'vitest';
import { ballotsOf, decisionOf } from '../../../../tests/support/decisions.ts';
import type { Decision, DecisionKind } from './model.ts';
import { instantRunoff, tally } from './tally.ts';

const decision = (kind: DecisionKind, fields: Partial<Decision> = {}) => decisionOf(kind, fields);
const ballots = ballotsOf;
// Positions: 0 agree, 1 abstain, 2 disagree, 3 block.
const [A, AB, D, B] = [[0], [1], [2], [3]];

describe('tally: proposals', () => {
  it('consent fails on one block, whatever the agreement', () => {
    const out = tally(decision('proposal', { rule: 'consent' }), ballots(A, A, A, A, B), 6);
    expect(out).toMatchObject({ passed: false, totals: [4, 0, 0, 1], ballots: 5, eligible: 6, winners: [] });
  });

  it('consent passes once the block is changed to an abstention', () => {
    expect(tally(decision('proposal', { rule: 'consent' }), ballots(A, A, A, A, AB), 6).passed).toBe(true);
  });

  it('consent needs more agreeing than disagreeing, and no ballots is not a pass', () => {
    expect(tally(decision('proposal'), ballots(A, D), 2).passed).toBe(false);
    expect(tally(decision('proposal'), ballots(A, A, D), 3).passed).toBe(true);
    expect(tally(decision('proposal'), [], 3)).toMatchObject({ passed: false, ballots: 0, eligible: 3, totals: [0, 0, 0, 0] });
  });

  it('unanimous: every non-abstaining ballot agrees, and someone agrees', () => {
    const rule = { rule: 'unanimous' as const };
    expect(tally(decision('proposal', rule), ballots(A, A, AB), 3).passed).toBe(true);
    expect(tally(decision('proposal', rule), ballots(A, A, D), 3).passed).toBe(false);
    expect(tally(decision('proposal', rule), ballots(AB, AB), 3).passed).toBe(false);
  });

  it('share: at the edge, abstentions counting as taking part', () => {
    const at = (share: number, ...b: number[][]) => tally(decision('proposal', { rule: 'share', share }), ballots(...b), 10).passed;
    // 3 of 5 agree = 60%.
    expect(at(60, A, A, A, D, AB)).toBe(true);
    expect(at(61, A, A, A, D, AB)).toBe(false);
    // 2 of 3 = 66.7%: 67% is not reached; without the abstention it would be 100%.
    expect(at(67, A, A, AB)).toBe(false);
    expect(at(66, A, A, AB)).toBe(true);
    expect(at(50, A, D)).toBe(true);
    expect(at(50, A, D, D)).toBe(false);
  });

  it('counts the latest position of each ballot only once and ignores nonsense', () => {
    expect(tally(decision('proposal'), ballots([9], [-1], [0, 0]), 3).totals).toEqual([1, 0, 0, 0]);
  });
});

describe('tally: polls', () => {
  const opts = { options: ['Red', 'Green', 'Blue'] };

  it('sense checks count each answer and neither pass nor fail', () => {
    const out = tally(decision('sense'), ballots([0], [0], [2], [1]), 4);
    expect(out).toEqual({ ballots: 4, eligible: 4, winners: [], totals: [2, 1, 1] });
  });

  it('a simple poll: the most chosen wins, ties keep all, no ballots no winner', () => {
    expect(tally(decision('simple', opts), ballots([1], [1], [0]), 3)).toMatchObject({ winners: [1], totals: [1, 2, 0] });
    expect(tally(decision('simple', opts), ballots([1], [2]), 3).winners).toEqual([1, 2]);
    expect(tally(decision('simple', opts), [], 3)).toMatchObject({ winners: [], totals: [0, 0, 0] });
  });

  it('multi, time and opt-in polls count every option chosen, once per ballot', () => {
    expect(tally(decision('multi', opts), ballots([0, 2], [2, 2], [1, 2]), 3)).toMatchObject({ winners: [2], totals: [1, 1, 3] });
    expect(tally(decision('time', { options: ['1800000000', '1800003600'] }), ballots([0, 1], [1]), 2).winners).toEqual([1]);
    expect(tally(decision('optin', { options: ['Flyers'] }), ballots([0], [0], []), 5)).toMatchObject({
      winners: [0],
      totals: [2],
      ballots: 3,
    });
  });

  it('score polls total the scores (0–5), dot votes the points (within the budget)', () => {
    expect(tally(decision('score', opts), ballots([5, 1, 3], [2, 4, 3], [0, 0, 9]), 3)).toMatchObject({
      winners: [2],
      totals: [7, 5, 11],
    });
    // The third score was 9: capped at 5, so Blue has 3 + 3 + 5 = 11.
    expect(tally(decision('dot', { ...opts, budget: 5 }), ballots([3, 2, 0], [0, 5, 0], [1, 0, 4]), 3)).toMatchObject({
      winners: [1],
      totals: [4, 7, 4],
    });
    expect(tally(decision('dot', { ...opts, budget: 4 }), ballots([2, 2, 0], [0, 0, 4]), 3).winners).toEqual([2]);
  });
});

describe('tally: ranked choice by instant runoff', () => {
  it('4 options and 7 ballots: the plurality leader loses after transfers, as a hand count gives', () => {
    // Options: 0 Alder, 1 Birch, 2 Cedar, 3 Dogwood. Ballots (first choice first):
    //   A · A · A · B>C · B>C · C>B · D>C>B
    // Round 1: A 3, B 2, C 1, D 1 — 7 counting, a majority is 4. C and D tie for fewest with one first
    //   preference each: the later option, Dogwood, goes; its ballot moves to Cedar.
    // Round 2: A 3, B 2, C 2. B and C tie; Cedar had fewer first preferences (1 against 2): Cedar goes;
    //   its two ballots (C>B and D>C>B) move to Birch.
    // Round 3: A 3, B 4 — Birch has 4 of 7: Birch wins, though Alder led the first count.
    const out = tally(
      decision('ranked', { options: ['Alder', 'Birch', 'Cedar', 'Dogwood'] }),
      ballots([0], [0], [0], [1, 2], [1, 2], [2, 1], [3, 2, 1]),
      8,
    );
    expect(out.winners).toEqual([1]);
    expect(out.rounds).toEqual([
      [3, 2, 1, 1],
      [3, 2, 2, 0],
      [3, 4, 0, 0],
    ]);
    expect(out.totals).toEqual([3, 2, 1, 1]);
    expect(out).toMatchObject({ ballots: 7, eligible: 8 });
  });

  it('a first-round majority wins at once', () => {
    expect(instantRunoff(3, [[2], [2, 0], [1]])).toEqual({ winners: [2], rounds: [[0, 1, 2]] });
  });

  it('exhausted ballots drop out of the count', () => {
    // Round 1: A 2, B 2, C 1 (of 5). C goes; its ballot ranked nothing else and is exhausted.
    // Round 2: A 2, B 2 of 4 counting: a tie with everyone equal, both win.
    const { winners, rounds } = instantRunoff(3, [[0], [0], [1], [1], [2]]);
    expect(rounds).toEqual([
      [2, 2, 1],
      [2, 2, 0],
    ]);
    expect(winners).toEqual([0, 1]);
  });

  it('a majority of the ballots still counting is enough once others are exhausted', () => {
    // Round 1: A 2, B 1, C 1, D 1 (of 5). D goes (tie among B, C, D on first preferences: the later one), exhausted.
    // Round 2: A 2, B 1, C 1 (of 4). C goes, moving to A. Round 3: A 3, B 1 of 4: A wins.
    const { winners, rounds } = instantRunoff(4, [[0], [0], [1], [2, 0], [3]]);
    expect(rounds).toEqual([
      [2, 1, 1, 1],
      [2, 1, 1, 0],
      [3, 1, 0, 0],
    ]);
    expect(winners).toEqual([0]);
  });

  it('no ballots, no winner; invalid and repeated ranks are ignored', () => {
    expect(instantRunoff(3, [])).toEqual({ winners: [], rounds: [[0, 0, 0]] });
    expect(instantRunoff(2, [[7, 1, 1], [-1]]).winners).toEqual([1]);
  });
});
