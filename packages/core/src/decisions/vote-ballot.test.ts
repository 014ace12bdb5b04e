import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Decision, DecisionKind } from './model.ts';
import { ballotModal, readBallot } from './vote-ballot.ts';
import { afterPick, fitsKind, needsReason } from './vote-cast.ts';

const poll = (kind: DecisionKind, over: Partial<Decision> = {}): Decision => ({
  id: 'd1',
  communityId: 'C1',
  kind,
  title: 'Which first?',
  options: ['Heating', 'Repairs', 'Rent'],
  electorate: { kind: 'everyone' },
  anonymous: false,
  authorId: 'UA',
  channelId: 'C1',
  createdAt: '2027-01-10T10:00:00.000Z',
  closesAt: '2027-01-15T18:00:00.000Z',
  status: 'open',
  version: 1,
  ...over,
});

beforeAll(() => loadLocale('ru'));

describe('readBallot', () => {
  it('reads ranks into the options in order of preference, blanks left out', () => {
    expect(readBallot('en', poll('ranked'), ['2', '', '1', '', ''])).toEqual({ values: [2, 0] });
    expect(readBallot('en', poll('ranked'), [' 1 ', '2', '3', '', ''])).toEqual({ values: [0, 1, 2] });
  });

  it('refuses ranks with a gap, a repeat, out of range, or none, on the field concerned', () => {
    expect(readBallot('en', poll('ranked'), ['1', '3', '', '', ''])).toEqual({ errors: { o1: expect.stringContaining('2 is missing') } });
    expect(readBallot('en', poll('ranked'), ['2', '', '', '', ''])).toEqual({ errors: { o0: expect.stringContaining('1 is missing') } });
    expect(readBallot('en', poll('ranked'), ['1', '1', '', '', ''])).toEqual({ errors: { o1: expect.stringContaining('twice') } });
    expect(readBallot('en', poll('ranked'), ['4', '', '', '', ''])).toEqual({ errors: { o0: expect.stringContaining('from 1 to 3') } });
    expect(readBallot('en', poll('ranked'), ['', '', '', '', ''])).toEqual({ errors: { o0: expect.stringContaining('at least one') } });
    expect(readBallot('ru', poll('ranked'), ['1', '3', '', '', ''])).toEqual({ errors: { o1: expect.stringContaining('нет места 2') } });
  });

  it('reads scores 0–5 (blank is 0) and refuses words and scores past 5', () => {
    expect(readBallot('en', poll('score'), ['5', '', '0', '', ''])).toEqual({ values: [5, 0, 0] });
    expect(readBallot('en', poll('score'), ['6', 'two', '1', '', ''])).toEqual({
      errors: { o1: expect.stringContaining('whole number') },
    });
    expect(readBallot('en', poll('score'), ['6', '1', '1', '', ''])).toEqual({ errors: { o0: expect.stringContaining('0 to 5') } });
  });

  it('keeps a dot vote within its budget, and above nothing', () => {
    const dot = poll('dot', { budget: 10 });
    expect(readBallot('en', dot, ['7', '3', '', '', ''])).toEqual({ values: [7, 3, 0] });
    expect(readBallot('en', dot, ['', '8', '3', '', ''])).toEqual({
      errors: { o1: expect.stringContaining('makes 11, more than the 10') },
    });
    expect(readBallot('en', dot, ['0', '', '', '', ''])).toEqual({ errors: { o0: expect.stringContaining('at least one') } });
  });
});

describe('ballotModal', () => {
  it('has a field per option, labels within 45 characters, prefilled from the ballot', () => {
    const long = poll('ranked', { options: ['A very long option that goes on and on past the label limit', 'B', 'C'] });
    const modal = ballotModal('en', 'T1', long, { decisionId: 'd1', userId: 'U1', values: [2, 0], at: '2027-01-11T10:00:00.000Z' });
    expect(modal.id).toBe('decision.ballot');
    expect(modal.state).toBe('T1|C1|d1');
    expect(modal.fields.map((f) => f.id)).toEqual(['o0', 'o1', 'o2']);
    expect(modal.fields.every((f) => f.label.length <= 45)).toBe(true);
    expect(modal.fields.map((f) => f.value)).toEqual(['2', undefined, '1']);
    const dot = ballotModal('en', 'T1', poll('dot', { budget: 12 }), undefined);
    expect(dot.fields[0]?.hint).toContain('12');
  });
});

describe('ballot values by kind', () => {
  it('toggles multi, time and opt-in options; a simple poll chooses; others are not voted by option buttons', () => {
    const picks = [0, 2];
    expect(afterPick(poll('multi'), picks, 2)).toEqual([0]);
    expect(afterPick(poll('multi'), picks, 1)).toEqual([0, 1, 2]);
    expect(afterPick(poll('simple'), picks, 1)).toEqual([1]);
    expect(afterPick(poll('optin', { options: ['Flyers'] }), undefined, 0)).toEqual([0]);
    expect(afterPick(poll('proposal', { options: [] }), undefined, 0)).toBeUndefined();
    expect(afterPick(poll('ranked'), undefined, 0)).toBeUndefined();
  });

  it('checks values against the kind: positions, options in range, scores, budgets, distinct ranks', () => {
    expect(fitsKind(poll('proposal', { options: [] }), [3])).toBe(true);
    expect(fitsKind(poll('proposal', { options: [] }), [4])).toBe(false);
    expect(fitsKind(poll('sense', { options: [] }), [-1])).toBe(false);
    expect(fitsKind(poll('simple'), [2])).toBe(true);
    expect(fitsKind(poll('simple'), [0, 1])).toBe(false);
    expect(fitsKind(poll('multi'), [0, 0])).toBe(false);
    expect(fitsKind(poll('score'), [5, 0, 1])).toBe(true);
    expect(fitsKind(poll('score'), [5, 0])).toBe(false);
    expect(fitsKind(poll('dot', { budget: 5 }), [2, 2, 2])).toBe(false);
    expect(fitsKind(poll('ranked'), [2, 2])).toBe(false);
    expect(needsReason(poll('proposal'), [3])).toBe(true);
    expect(needsReason(poll('proposal'), [1])).toBe(false);
    expect(needsReason(poll('sense'), [2])).toBe(true);
  });
});
