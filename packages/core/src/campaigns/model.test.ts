import { describe, expect, it } from 'vitest';
import { daysBetween, phaseOn, planArc, withStarts } from './model.ts';

describe('campaigns', () => {
  it('plans five phases backwards from the end date, covering every day once', () => {
    const arc = planArc('2026-11-25', '2027-01-19');
    expect(arc?.map((p) => p.id)).toEqual(['foundation', 'kickoff', 'building', 'peak', 'resolution']);
    expect(arc?.[0]?.start).toBe('2026-11-25');
    expect(arc?.at(-1)?.end).toBe('2027-01-19');
    for (let i = 1; i < (arc?.length ?? 0); i++) expect(daysBetween(arc?.[i - 1]?.end ?? '', arc?.[i]?.start ?? '')).toBe(1);
    // 56 days: the final peak takes about 15%, the resolution about 10%.
    expect(daysBetween(arc?.[3]?.start ?? '', arc?.[3]?.end ?? '') + 1).toBe(8);
    expect(daysBetween(arc?.[4]?.start ?? '', arc?.[4]?.end ?? '') + 1).toBe(6);
  });

  it('gives each phase a day in a short campaign, and refuses one shorter than five days', () => {
    expect(planArc('2026-12-01', '2026-12-05')?.map((p) => p.start)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
    ]);
    expect(planArc('2026-12-01', '2026-12-04')).toBeUndefined();
  });

  it('moves phases to new start dates only when they stay in order and before the end', () => {
    const campaign = { endDate: '2027-01-19' };
    const moved = withStarts(campaign, ['2026-11-25', '2026-12-10', '2026-12-20', '2027-01-05', '2027-01-15']);
    expect(moved?.map((p) => [p.start, p.end])).toEqual([
      ['2026-11-25', '2026-12-09'],
      ['2026-12-10', '2026-12-19'],
      ['2026-12-20', '2027-01-04'],
      ['2027-01-05', '2027-01-14'],
      ['2027-01-15', '2027-01-19'],
    ]);
    expect(withStarts(campaign, ['2026-11-25', '2026-12-20', '2026-12-10', '2027-01-05', '2027-01-15'])).toBeUndefined();
    expect(withStarts(campaign, ['2026-11-25', '2026-12-10', '2026-12-20', '2027-01-05', '2027-01-25'])).toBeUndefined();
  });

  it('tells which phase a day is in', () => {
    const arc = planArc('2026-11-25', '2027-01-19') ?? [];
    expect(phaseOn({ phases: arc }, '2026-11-25')).toBe('foundation');
    expect(phaseOn({ phases: arc }, '2027-01-19')).toBe('resolution');
    expect(phaseOn({ phases: arc }, '2026-11-01')).toBe('before');
    expect(phaseOn({ phases: arc }, '2027-02-01')).toBe('after');
  });
});
