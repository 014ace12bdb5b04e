import { describe, expect, it } from 'vitest';
import { en } from '../kernel/i18n/en.ts';
import { stages } from './stages.ts';

describe('stages', () => {
  it('lists the seven stages of the method in order', () => {
    expect(stages.map((s) => s.id)).toEqual(['story', 'relationships', 'team', 'strategy', 'expansion', 'campaigns', 'next']);
  });

  it('names every stage, goal, skill and checklist item in the catalog', () => {
    for (const s of stages) {
      for (const key of [s.name, s.goal, s.skill, ...s.checklist.map((i) => i.key)]) expect(en).toHaveProperty([key]);
      expect(s.checklist.length).toBeGreaterThan(0);
    }
  });

  it('gives every checklist item a short name for the status card', () => {
    for (const item of stages.flatMap((s) => s.checklist)) expect(en).toHaveProperty([`status.item.${item.fact}`]);
  });
});
