import { beforeAll, describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
// The features' command forms, which the hints name.
import '../features.ts';
import { platformText } from '../kernel/forms.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Role } from '../roles/model.ts';
import { statusBlocks } from './handlers.ts';

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
