import { beforeAll, describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
// The features' command forms, which the hints name.
import '../features.ts';
import { platformText } from '../kernel/forms.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import type { Role } from '../roles/model.ts';
import { statusBlocks } from './handlers.ts';
import { nextActionText } from './hints.ts';

const role = (name: string, over: Partial<Role> = {}): Role => ({
  id: name.toLowerCase(),
  name,
  responsibilities: ['x'],
  memberIds: [],
  createdAt: '2026-11-24T00:00:00.000Z',
  ...over,
});
const community = (roles: Role[]) => ({
  ...newCommunity({
    tenant: { platform: 'slack', id: 'T1' },
    id: 'C1',
    name: 'Park',
    coordinatorId: 'U1',
    createdAt: '2026-11-24T00:00:00.000Z',
  }),
  // Stages 1 and 2 done, so the next action is the team's.
  story: { goal: 'a', who: 'b', how: 'c', when: 'd', vision: 'e' },
  selfAuthors: ['U1'],
  selfStoriesNeeded: 1,
  stories: { us: {} as never, now: {} as never },
  oneOnOneTarget: 1,
  activity: {
    ...newCommunity({ tenant: { platform: 'slack', id: 'T1' }, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '' }).activity,
    oneOnOnes: 1,
    values: 3,
  },
  roles,
});
const nextLine = (roles: Role[], locale: 'en' | 'ru' = 'en') => {
  const block = statusBlocks({ community: community(roles) }, locale).at(-1);
  return block && 'text' in block ? { ...block, text: platformText(block.text, 'slack') } : block;
};

describe('next action hints', () => {
  beforeAll(() => loadLocale('ru'));
  it('names the role without written responsibilities', () => {
    expect(nextLine([role('Outreach', { responsibilities: [] }), role('Events'), role('Money')])).toEqual({
      type: 'text',
      text: '👉 Next: **Outreach** has no written responsibilities: `/community role edit Outreach`',
    });
  });

  it('names the first role without a lead, in the community’s language', () => {
    expect(nextLine([role('Outreach', { leadId: 'U2' }), role('События'), role('Money')], 'ru')).toEqual({
      type: 'text',
      text: '👉 Дальше: У роли «События» нет руководителя: `/community assign @кто События lead`',
    });
  });

  it('falls back to the checklist text when fewer than three roles exist', () => {
    expect(nextLine([])).toEqual({ type: 'text', text: expect.stringContaining('Define three or more roles') });
  });
});

describe('hints where the method calls for a shared decision', () => {
  beforeAll(() => loadLocale('ru'));
  const base = community([role('Outreach', { leadId: 'U2' }), role('Events', { leadId: 'U3' }), role('Money', { leadId: 'U4' })]);
  const adoption = { decisionId: 'd1', title: 'Adopt our strategy', at: '2026-11-25T00:00:00.000Z' };
  const slack = (text: string) => platformText(text, 'slack');
  const next = (snapshot: typeof base) => {
    const block = statusBlocks({ community: snapshot }, 'en').at(-1);
    return block && 'text' in block ? slack(block.text) : '';
  };

  it('suggests finishing the strategy and proposing it while it is partly written and not adopted', () => {
    const written = { ...base, strategy: { goal: 'A park' }, strategyVersion: 1 };
    expect(next(written)).toContain('then “Propose this strategy”');
    expect(next({ ...written, strategyAdopted: { ...adoption, version: 1 } })).not.toContain('Propose this strategy');
  });

  it('right after stage 4, suggests proposing a strategy the community has not adopted (this version)', () => {
    const strategy = { goal: 'a', change: 'b', tactics: 'c', timeline: 'd' };
    expect(nextActionText('expansion.ladder', 'ladder', { community: { ...base, strategy, strategyVersion: 2 } }, 'en')).toContain(
      'has not adopted it',
    );
    const adopted = { ...base, strategy, strategyVersion: 2, strategyAdopted: { ...adoption, version: 2 } };
    expect(nextActionText('expansion.ladder', 'ladder', { community: adopted }, 'en')).toBe(t('en', 'hint.expansion.ladder'));
    const older = { ...adopted, strategyAdopted: { ...adoption, version: 1 } };
    expect(nextActionText('expansion.ladder', 'ladder', { community: older }, 'en')).toContain('has not adopted it');
  });

  it('suggests proposing the campaign’s plan until it is adopted, and a dot vote for a debrief’s next steps, in Russian too', () => {
    const campaign = { id: 'heat', name: 'Heat by March', endDate: '2027-03-01', phases: [] };
    const plan = (c: typeof base) => slack(nextActionText('campaigns.event', 'event', { community: c }, 'en'));
    expect(plan({ ...base, campaign })).toContain('Put the plan of **Heat by March** to the community');
    expect(plan({ ...base, campaign: { ...campaign, adopted: adoption } })).toBe('event');
    expect(slack(nextActionText('next.actions', 'x', { community: base }, 'en'))).toContain('dot vote');
    expect(slack(nextActionText('next.actions', 'x', { community: base }, 'ru'))).toContain('Голосовать точками');
  });
});
