import { beforeAll, describe, expect, it } from 'vitest';
import { ballotsOf, decisionOf } from '../../../../tests/support/decisions.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import { outcomeSummary, outcomeText } from './close-text.ts';
import type { Ballot, Decision, DecisionKind } from './model.ts';
import { tally } from './tally.ts';

const decision = (kind: DecisionKind, fields: Partial<Decision> = {}) => decisionOf(kind, { status: 'closed', version: 3, ...fields });
const ballots = ballotsOf;
const said = (d: Decision, b: Ballot[], eligible: number, locale: 'en' | 'ru' = 'en') => outcomeText(locale, d, tally(d, b, eligible));

describe('outcome texts', () => {
  beforeAll(() => loadLocale('ru'));

  it('says a proposal passed with its counts, in real plural forms', () => {
    const d = decision('proposal', { rule: 'consent' });
    expect(said(d, ballots([0], [0], [0], [0], [1]), 7)).toBe('Passed: 4 agree, 1 abstains, no blocks.\n5 of 7 voted.');
    expect(said(d, ballots([0], [3]), 2, 'ru')).toBe('Не принято: 1 голос за, 1 блокирует.\nПроголосовали: 2 из 2.');
    expect(said(d, ballots([0], [0], [0], [0], [0], [2], [2], [3], [3]), 9, 'ru')).toContain('5 голосов за, 2 голоса против, 2 блокируют');
  });

  it('names the share reached and needed, and says nobody voted when nobody did', () => {
    const d = decision('proposal', { rule: 'share', share: 67 });
    expect(outcomeSummary('en', d, tally(d, ballots([0], [0], [1]), 3))).toBe(
      'Not passed: 66% agreed, 67% needed: 2 agree, 1 abstains, no blocks.',
    );
    expect(said(d, [], 4)).toBe('Nobody voted.\n0 of 4 voted.');
  });

  it('lists a poll’s options with the winner marked, ties and time slots in each reader’s time', () => {
    const simple = decision('simple', { options: ['Tuesday', 'Thursday', 'Saturday'] });
    expect(said(simple, ballots([1], [1], [0]), 5)).toBe(
      'Chosen: Thursday.\n• Tuesday — 1 vote\n🏆 Thursday — 2 votes\n• Saturday — 0 votes\n3 of 5 voted.',
    );
    expect(said(simple, ballots([0], [1]), 2, 'ru')).toContain('Ничья: Tuesday, Thursday.');
    const time = decision('time', { options: ['1800000000', '1800003600'] });
    expect(said(time, ballots([0, 1], [1]), 2)).toContain('Chosen: <t:1800003600:f>.');
    const dot = decision('dot', { options: ['Flyers', 'Stall'], budget: 5 });
    expect(said(dot, ballots([1, 4], [0, 1]), 2, 'ru')).toContain('🏆 Stall — 5 баллов');
    expect(said(decision('optin', { options: ['Count the votes'] }), ballots([0], [0], [0]), 9, 'ru')).toContain('Участвуют 3 человека.');
  });

  it('tells a ranked poll’s runoff: the winner after its rounds, and when each option went out', () => {
    const d = decision('ranked', { options: ['Alder', 'Birch', 'Cedar', 'Dogwood'] });
    const b = ballots([0], [0], [0], [1, 2], [1, 2], [2, 1], [3, 2, 1]);
    expect(said(d, b, 7)).toBe(
      [
        'Won after 3 rounds of instant runoff: Birch.',
        '• Alder — 3 votes',
        '🏆 Birch — 4 votes',
        'Cedar — out in round 2',
        'Dogwood — out in round 1',
        '7 of 7 voted.',
      ].join('\n'),
    );
    expect(said(d, b, 7, 'ru')).toContain('Победитель после 3 раундов подсчёта с передачей голосов: Birch.');
  });
});
