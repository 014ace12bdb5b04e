import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../../kernel/i18n/translate.ts';
import { campaignChart } from './campaign.ts';
import { chartValues } from './frame.ts';
import { ladderChart } from './ladder.ts';
import { oneOnOnesChart } from './oneonones.ts';
import { stagesChart } from './stages.ts';
import { standupsChart } from './standups.ts';
import { TURNOUT_MAX, turnoutChart } from './turnout.ts';

beforeAll(() => loadLocale('ru'));

const titleOf = (spec: Record<string, unknown>) => (spec.title as { text: string }).text;
/** The encodings of a spec's marks, layered or not. */
const encodings = (spec: Record<string, unknown>) =>
  ((spec.layer as Record<string, unknown>[] | undefined) ?? [spec]).map((l) => l.encoding as Record<string, any>);

describe('stagesChart', () => {
  const rows = [
    { stage: 'Story', done: 3, total: 5 },
    { stage: 'Relationships', done: 0, total: 2 },
    { stage: 'Team', done: 3, total: 3 },
  ];

  it('draws each stage in order as the share of its checklist done, labelled done/total', () => {
    const { spec, alt } = stagesChart(rows, 'en');
    expect(chartValues(spec).map((v) => [v.stage, v.percent, v.label, v.order])).toEqual([
      ['Story', 60, '3/5', 0],
      ['Relationships', 0, '0/2', 1],
      ['Team', 100, '3/3', 2],
    ]);
    expect(spec).toMatchObject({ width: 800, height: 500 });
    expect(titleOf(spec)).toBe('The seven stages');
    expect(encodings(spec)[1]?.x.title).toBe('Checklist done, %');
    expect(alt).toBe('The seven stages, checklist items done: Story 3/5, Relationships 0/2, Team 3/3.');
  });

  it('speaks Russian when the community does', () => {
    const { spec, alt } = stagesChart([{ stage: 'История', done: 1, total: 5 }], 'ru');
    expect(titleOf(spec)).toBe('Семь этапов');
    expect(encodings(spec)[1]?.x.title).toBe('Выполнено пунктов, %');
    expect(alt).toBe('Семь этапов, выполнено пунктов: История 1/5.');
  });

  it('draws a stage without items as empty rather than dividing by zero', () => {
    expect(chartValues(stagesChart([{ stage: 'X', done: 0, total: 0 }], 'en').spec)[0]?.percent).toBe(0);
  });
});

describe('ladderChart', () => {
  const rows = [
    { rung: 'Newcomer', count: 4 },
    { rung: 'Participant', count: 3 },
    { rung: 'Contributor', count: 1 },
    { rung: 'Leader', count: 1 },
  ];

  it('is a funnel: one centred bar per rung, lowest first, as wide as the people on it', () => {
    const { spec, alt } = ladderChart(rows, 'en');
    expect(chartValues(spec).map((v) => [v.rung, v.count, v.order])).toEqual([
      ['Newcomer', 4, 0],
      ['Participant', 3, 1],
      ['Contributor', 1, 2],
      ['Leader', 1, 3],
    ]);
    expect(encodings(spec)[0]?.x).toMatchObject({ field: 'count', stack: 'center' });
    expect(titleOf(spec)).toBe('Ladder of engagement: 9 people');
    expect(alt).toBe('Ladder of engagement: Newcomer 4, Participant 3, Contributor 1, Leader 1.');
  });

  it('counts people with the right plural form in each language', () => {
    expect(titleOf(ladderChart([{ rung: 'A', count: 1 }], 'en').spec)).toBe('Ladder of engagement: 1 person');
    expect(titleOf(ladderChart([{ rung: 'А', count: 1 }], 'ru').spec)).toBe('Лестница участия: 1 человек');
    expect(titleOf(ladderChart([{ rung: 'А', count: 3 }], 'ru').spec)).toBe('Лестница участия: 3 человека');
    expect(titleOf(ladderChart([{ rung: 'А', count: 5 }], 'ru').spec)).toBe('Лестница участия: 5 человек');
  });
});

describe('turnoutChart', () => {
  it('puts going beside came for each event, in order', () => {
    const { spec, alt } = turnoutChart(
      [
        { event: 'Tenants meeting', going: 5, attended: 4 },
        { event: 'Door knocking', going: 3, attended: 0 },
      ],
      'en',
    );
    expect(chartValues(spec).map((v) => [v.event, v.measure, v.count])).toEqual([
      ['Tenants meeting', 'Going', 5],
      ['Tenants meeting', 'Came', 4],
      ['Door knocking', 'Going', 3],
      ['Door knocking', 'Came', 0],
    ]);
    expect(titleOf(spec)).toBe('Turnout: 2 events in the last 30 days');
    expect(alt).toBe('Event turnout: Tenants meeting: 5 going, 4 came; Door knocking: 3 going, 0 came.');
  });

  it('draws the newest events when there are many, and its text says how many more there were', () => {
    const rows = Array.from({ length: TURNOUT_MAX + 3 }, (_, i) => ({ event: `Meeting ${i + 1}`, going: i, attended: 1 }));
    const { spec, alt } = turnoutChart(rows, 'en');
    const events = [...new Set(chartValues(spec).map((v) => v.event))];
    expect(events).toHaveLength(TURNOUT_MAX);
    expect(events[0]).toBe('Meeting 4');
    expect(alt).toContain('Meeting 11: 10 going, 1 came');
    expect(alt).not.toContain('Meeting 3:');
    expect(alt).toContain('3 more');
    expect(titleOf(spec)).toBe('Turnout: 11 events in the last 30 days');
  });

  it('shortens long titles on whole characters and speaks Russian', () => {
    const { spec, alt } = turnoutChart([{ event: `Собрание ${'жильцов '.repeat(10)}`, going: 2, attended: 1 }], 'ru');
    const label = String(chartValues(spec)[0]?.event);
    expect(label.length).toBeLessThanOrEqual(24);
    expect(label.endsWith('…')).toBe(true);
    expect(chartValues(spec).map((v) => v.measure)).toEqual(['Придут', 'Пришли']);
    expect(titleOf(spec)).toBe('Явка: 1 событие за 30 дней');
    expect(alt).toContain('придут 2, пришли 1');
  });
});

describe('oneOnOnesChart and standupsChart', () => {
  it('draws one-on-ones per month against the target line, months named in the language', () => {
    const rows = [
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 6 },
    ];
    const { spec, alt } = oneOnOnesChart(rows, 5, 'ru');
    expect(chartValues(spec).map((v) => [v.label, v.count])).toEqual([
      ['окт.', 2],
      ['нояб.', 6],
    ]);
    const rule = (spec.layer as any[]).find((l) => l.mark.type === 'rule');
    expect(rule.data.values).toEqual([{ target: 5 }]);
    expect(titleOf(spec)).toBe('Встречи один на один по месяцам (цель 5)');
    expect(alt).toBe('Встречи один на один по месяцам, цель 5: окт. 2026 г. 2, нояб. 2026 г. 6.');
  });

  it('draws the people who answered stand-ups each week', () => {
    const { spec, alt } = standupsChart(
      [
        { week: '2026-11-16', people: 1 },
        { week: '2026-11-23', people: 3 },
      ],
      'en',
    );
    expect(chartValues(spec).map((v) => [v.label, v.people])).toEqual([
      ['Nov 16', 1],
      ['Nov 23', 3],
    ]);
    expect(encodings(spec)[0]?.y.title).toBe('People who answered');
    expect(alt).toBe('People who answered a stand-up, by week: Nov 16 1, Nov 23 3.');
  });
});

describe('campaignChart', () => {
  const rows = {
    name: 'Warm homes',
    today: '2026-11-25',
    phases: [
      { id: 'foundation', start: '2026-11-01', end: '2026-11-18' },
      { id: 'kickoff', start: '2026-11-19', end: '2026-11-24' },
      { id: 'building', start: '2026-11-25', end: '2026-12-15' },
      { id: 'peak', start: '2026-12-16', end: '2026-12-24' },
      { id: 'resolution', start: '2026-12-25', end: '2026-12-31' },
    ] as const,
    milestones: [{ text: '100 signatures', date: '2026-12-01' }],
  };

  it('draws each phase over its whole days, milestones on their phase, and today as a line', () => {
    const { spec, alt } = campaignChart(rows, 'en');
    const [bars, points, today] = spec.layer as any[];
    expect(bars.data.values[0]).toEqual({ phase: 'Foundation', start: '2026-11-01', end: '2026-11-19', order: 0 });
    expect(bars.data.values).toHaveLength(5);
    expect(points.data.values).toEqual([{ phase: 'Building peaks', date: '2026-12-01', text: '100 signatures' }]);
    expect(today.data.values).toEqual([{ date: '2026-11-25', label: 'Today' }]);
    expect(titleOf(spec)).toBe('Campaign arc: Warm homes');
    expect(alt).toContain('today: Building peaks; milestones: 1.');
  });

  it('speaks Russian, and says when today is outside the phases', () => {
    const { spec, alt } = campaignChart({ ...rows, today: '2027-01-10' }, 'ru');
    expect(titleOf(spec)).toBe('Дуга кампании: Warm homes');
    expect((spec.layer as any[])[2].data.values[0].label).toBe('Сегодня');
    expect(alt).toContain('сегодня: вне её этапов');
  });
});
