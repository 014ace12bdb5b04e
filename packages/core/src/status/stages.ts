import type { MessageKey } from '../kernel/i18n/translate.ts';

/** Something a community has actually done, derived from its data (see `facts.ts`). */
export type FactId =
  | 'story.questions'
  | 'story.vision'
  | 'story.self'
  | 'story.us'
  | 'story.now'
  | 'relationships.oneOnOnes'
  | 'relationships.values'
  | 'team.coordinator'
  | 'team.roles'
  | 'team.filled'
  | 'strategy.goal'
  | 'strategy.theory'
  | 'strategy.tactics'
  | 'strategy.timeline'
  | 'expansion.ladder'
  | 'expansion.welcome'
  | 'campaigns.plan'
  | 'campaigns.event'
  | 'campaigns.tasks'
  | 'next.debrief'
  | 'next.actions'
  | 'next.celebrate';

/** One checklist item: done when its fact holds; its text doubles as the suggested action. */
export interface ChecklistItem {
  readonly fact: FactId;
  readonly key: MessageKey;
}

/** A stage of the method, as data: adding or reordering stages never touches code paths. */
export interface Stage {
  readonly id: StageId;
  readonly name: MessageKey;
  readonly goal: MessageKey;
  readonly skill: MessageKey;
  readonly checklist: readonly ChecklistItem[];
}

export type StageId = 'story' | 'relationships' | 'team' | 'strategy' | 'expansion' | 'campaigns' | 'next';

const stage = (id: StageId, facts: readonly string[]): Stage => ({
  id,
  name: `stage.${id}.name` as MessageKey,
  goal: `stage.${id}.goal` as MessageKey,
  skill: `stage.${id}.skill` as MessageKey,
  checklist: facts.map((item) => ({ fact: `${id}.${item}` as FactId, key: `stage.${id}.item.${item}` as MessageKey })),
});

/** The seven stages of community organizing, in order. */
export const stages: readonly Stage[] = [
  stage('story', ['questions', 'vision', 'self', 'us', 'now']),
  stage('relationships', ['oneOnOnes', 'values']),
  stage('team', ['coordinator', 'roles', 'filled']),
  stage('strategy', ['goal', 'theory', 'tactics', 'timeline']),
  stage('expansion', ['ladder', 'welcome']),
  stage('campaigns', ['plan', 'event', 'tasks']),
  stage('next', ['debrief', 'actions', 'celebrate']),
];
