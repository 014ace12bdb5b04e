import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { reasonLine } from './card.ts';
import { decisionCard } from './card-render.ts';
import type { Ballot, Decision, DecisionKind } from './model.ts';

const closesAt = '2027-01-15T18:00:00.000Z';
const epoch = Date.parse(closesAt) / 1000;

function decision(kind: DecisionKind, over: Partial<Decision> = {}): Decision {
  return {
    id: 'd1',
    communityId: 'C1',
    kind,
    title: 'Winter heating',
    options: [],
    electorate: { kind: 'everyone' },
    anonymous: false,
    authorId: 'UA',
    channelId: 'C1',
    createdAt: '2027-01-10T10:00:00.000Z',
    closesAt,
    status: 'open',
    version: 1,
    ...over,
  };
}

const ballot = (userId: string, values: number[], reason?: string, at = '2027-01-11T10:00:00.000Z'): Ballot => ({
  decisionId: 'd1',
  userId,
  values,
  at,
  ...(reason ? { reason } : {}),
});
const buttonIds = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.id) : []));
const labels = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []));

beforeAll(() => loadLocale('ru'));

describe('decisionCard', () => {
  it('shows a proposal: title, body, why, closing time for each reader, who votes, the rule, who stands where and the four positions', () => {
    const card = decisionCard('en', 'T1', decision('proposal', { body: 'Keep the heating at 20°C', why: 'Cold flats', rule: 'consent' }), [
      ballot('U1', [0]),
      ballot('U2', [3], 'Too costly'),
      ballot('U3', [0]),
    ]);
    const text = plainText(card);
    expect(card[0]).toEqual({ type: 'header', text: 'Winter heating' });
    expect(text).toContain('Keep the heating at 20°C');
    expect(text).toContain('**Why:** Cold flats');
    expect(text).toContain(`Closes <t:${epoch}:F>`);
    expect(text).toContain('everyone in the community votes');
    expect(text).toContain('passes by consent');
    expect(text).toContain('Agree · 2: <@U1>, <@U3>');
    expect(text).toContain('Block · 1: <@U2>');
    expect(text).toContain('Disagree · 0');
    expect(text).toContain('3 people have voted so far.');
    expect(buttonIds(card)).toEqual([0, 1, 2, 3].map((i) => `dec:pos:T1:C1:d1:${i}`).concat('dec:close:T1:C1:d1'));
    expect(labels(card)).toEqual(['Agree', 'Abstain', 'Disagree', 'Block', 'Close now (author, leaders)']);
  });

  it('gives each kind its buttons: a sense check three answers, polls one per option, score/dot/ranked one Vote', () => {
    expect(buttonIds(decisionCard('en', 'T1', decision('sense'), [])).slice(0, 3)).toEqual([0, 1, 2].map((i) => `dec:pos:T1:C1:d1:${i}`));
    const options = ['Mon', 'Tue', 'Wed'];
    for (const kind of ['simple', 'multi'] as const) {
      const card = decisionCard('en', 'T1', decision(kind, { options }), [ballot('U1', [1])]);
      expect(buttonIds(card)).toEqual(['dec:pick:T1:C1:d1:0', 'dec:pick:T1:C1:d1:1', 'dec:pick:T1:C1:d1:2', 'dec:close:T1:C1:d1']);
      expect(plainText(card)).toContain('Tue · 1: <@U1>');
    }
    const optin = decisionCard('en', 'T1', decision('optin', { options: ['Flyering on Saturday'] }), [ballot('U1', [0])]);
    expect(labels(optin)[0]).toBe('I’m in');
    expect(plainText(optin)).toContain('I’m in · 1: <@U1>');
    for (const kind of ['score', 'dot', 'ranked'] as const) {
      const card = decisionCard('en', 'T1', decision(kind, { options, budget: 10 }), [
        ballot('U1', kind === 'ranked' ? [2, 0] : [1, 2, 3]),
      ]);
      expect(buttonIds(card)).toEqual(['dec:ballot:T1:C1:d1', 'dec:close:T1:C1:d1']);
      expect(plainText(card)).toContain('Voted: <@U1>');
    }
    const dot = plainText(
      decisionCard('en', 'T1', decision('dot', { options, budget: 10 }), [ballot('U1', [1, 2, 7]), ballot('U2', [0, 0, 1])]),
    );
    expect(dot).toContain('spread your points over the options (10 in all)');
    expect(dot).toContain('Wed · 8 points');
    expect(dot).toContain('Mon · 1 point');
    const ranked = plainText(decisionCard('en', 'T1', decision('ranked', { options }), [ballot('U1', [2, 0]), ballot('U2', [2])]));
    expect(ranked).toContain('Wed · 2 first choices');
  });

  it('shows a time poll’s slots in each reader’s own time, and ten options wrap within the platforms’ button limits', () => {
    const slots = [1800000000, 1800003600].map(String);
    const card = decisionCard('en', 'T1', decision('time', { options: slots }), [ballot('U1', [0, 1])]);
    expect(plainText(card)).toContain('Slot 1 · <t:1800000000:f> · 1: <@U1>');
    expect(labels(card).slice(0, 2)).toEqual(['Slot 1', 'Slot 2']);
    const ten = decisionCard('en', 'T1', decision('simple', { options: Array.from({ length: 10 }, (_, i) => `Option ${i}`) }), []);
    const rows = ten.filter((b) => b.type === 'actions');
    expect(rows.map((r) => (r.type === 'actions' ? r.buttons.length : 0))).toEqual([10, 1]);
  });

  it('shows an anonymous decision’s counts without anyone’s id', () => {
    const card = decisionCard('en', 'T1', decision('proposal', { anonymous: true }), [ballot('U1', [0]), ballot('U2', [3], 'No')]);
    const text = plainText(card);
    expect(text).not.toContain('<@');
    expect(text).toContain('Agree · 1');
    expect(text).toContain('Anonymous: only the counts are shown.');
    expect(reasonLine('en', decision('proposal', { anonymous: true }), ballot('U2', [3], 'Too costly'))).toBe('Someone blocks: Too costly');
    expect(reasonLine('en', decision('proposal'), ballot('U2', [3], 'Too costly'))).toBe('<@U2> blocks: Too costly');
    const scored = plainText(decisionCard('en', 'T1', decision('score', { anonymous: true, options: ['a', 'b'] }), [ballot('U1', [1, 2])]));
    expect(scored).not.toContain('<@');
  });

  it('shortens a long list of people with “and N more”', () => {
    const ballots = Array.from({ length: 30 }, (_, i) =>
      ballot(`U${i}`, [0], undefined, `2027-01-11T10:${String(i).padStart(2, '0')}:00.000Z`),
    );
    const text = plainText(decisionCard('en', 'T1', decision('proposal'), ballots));
    expect(text).toContain('Agree · 30: <@U0>, <@U1>');
    expect(text).toContain('<@U9> and 20 more');
    expect(text).not.toContain('<@U10>');
    expect(text).toContain('30 people have voted so far.');
  });

  it('speaks Russian with real plural forms', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ballot(`U${i}`, [0]));
    const ru = (n: number) => plainText(decisionCard('ru', 'T1', decision('proposal'), many(n)));
    expect(ru(1)).toContain('Пока проголосовал 1 человек.');
    expect(ru(2)).toContain('Пока проголосовали 2 человека.');
    expect(ru(5)).toContain('Пока проголосовали 5 человек.');
    expect(ru(21)).toContain('Пока проголосовал 21 человек.');
    expect(ru(12)).toContain('и ещё 2 человека');
    expect(ru(15)).toContain('и ещё 5 человек');
    expect(labels(decisionCard('ru', 'T1', decision('proposal'), [])).slice(0, 4)).toEqual([
      'Согласен',
      'Воздерживаюсь',
      'Против',
      'Блокирую',
    ]);
    const dot = plainText(decisionCard('ru', 'T1', decision('dot', { options: ['a', 'b', 'c'], budget: 30 }), [ballot('U1', [1, 3, 26])]));
    expect(dot).toContain('a · 1 балл');
    expect(dot).toContain('b · 3 балла');
    expect(dot).toContain('c · 26 баллов');
  });

  it('shows a closed decision’s results with no voting buttons: passed or not, winners marked, the runoff in short', () => {
    const passed = decisionCard(
      'en',
      'T1',
      decision('proposal', {
        status: 'closed',
        closedAt: closesAt,
        outcome: { passed: true, winners: [], ballots: 3, eligible: 8, totals: [2, 1, 0, 0] },
        statement: 'We keep it at 20°C.',
      }),
      [ballot('U1', [0]), ballot('U2', [0]), ballot('U3', [1])],
    );
    const text = plainText(passed);
    expect(text).toContain('✅ Passed.');
    expect(text).toContain(`Closed <t:${epoch}:F>`);
    // Who could vote, in the past: nobody votes any more.
    expect(text).toContain('everyone in the community could vote');
    expect(text).not.toContain('everyone in the community votes');
    expect(text).toContain('3 of 8 took part.');
    expect(text).toContain('**Outcome:** We keep it at 20°C.');
    expect(buttonIds(passed)).toEqual([]);
    const options = ['Park', 'Hall', 'Library', 'School'];
    const ranked = decisionCard(
      'en',
      'T1',
      decision('ranked', {
        options,
        status: 'closed',
        outcome: {
          winners: [1],
          ballots: 7,
          eligible: 7,
          totals: [3, 2, 1, 1],
          rounds: [
            [3, 2, 1, 1],
            [3, 3, 1, 0],
            [3, 4, 0, 0],
          ],
        },
      }),
      [],
    );
    const rankedText = plainText(ranked);
    expect(rankedText).toContain('🏆 Hall · 2 first choices');
    expect(rankedText).toContain(
      'round 1: Park 3, Hall 2, Library 1, School 1 → round 2: Park 3, Hall 3, Library 1 → round 3: Park 3, Hall 4',
    );
    expect(buttonIds(ranked)).toEqual([]);
  });

  it('offers what follows a closed time poll (an event) and opt-in (a task), and nothing while it is counted', () => {
    const closed = { status: 'closed' as const, closedAt: closesAt };
    const time = decisionCard(
      'en',
      'T1',
      decision('time', {
        options: ['1800000000', '1800003600'],
        ...closed,
        outcome: { winners: [1], ballots: 2, eligible: 5, totals: [1, 2] },
      }),
      [],
    );
    expect(buttonIds(time)).toEqual(['dec:event:T1:C1:d1']);
    expect(plainText(time)).toContain('🏆 Slot 2 · <t:1800003600:f> · 2');
    const optin = decisionCard(
      'en',
      'T1',
      decision('optin', { options: ['Flyers'], ...closed, outcome: { winners: [0], ballots: 2, eligible: 5, totals: [2] } }),
      [],
    );
    expect(buttonIds(optin)).toEqual(['dec:handout:T1:C1:d1']);
    const none = decisionCard(
      'en',
      'T1',
      decision('simple', { options: ['a', 'b'], ...closed, outcome: { winners: [], ballots: 0, eligible: 5, totals: [0, 0] } }),
      [],
    );
    expect(plainText(none)).toContain('No winner: nobody voted.');
    const counting = decisionCard('en', 'T1', decision('proposal', { status: 'closing' }), [ballot('U1', [0])]);
    expect(plainText(counting)).toContain('being counted');
    expect(buttonIds(counting)).toEqual([]);
  });
});
