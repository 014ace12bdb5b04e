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

const stage = (id: StageId, checklist: readonly ChecklistItem[]): Stage => ({
  id,
  name: `stage.${id}.name`,
  goal: `stage.${id}.goal`,
  skill: `stage.${id}.skill`,
  checklist,
});

/** A checklist item: the fact that completes it and its text in the catalogs (`stage.<stage>.item.<item>`). */
const item = (fact: FactId, key: MessageKey): ChecklistItem => ({ fact, key });

/** The seven stages of community organizing, in order. */
export const stages: readonly Stage[] = [
  stage('story', [
    item('story.questions', 'stage.story.item.questions'),
    item('story.vision', 'stage.story.item.vision'),
    item('story.self', 'stage.story.item.self'),
    item('story.us', 'stage.story.item.us'),
    item('story.now', 'stage.story.item.now'),
  ]),
  stage('relationships', [
    item('relationships.oneOnOnes', 'stage.relationships.item.oneOnOnes'),
    item('relationships.values', 'stage.relationships.item.values'),
  ]),
  stage('team', [
    item('team.coordinator', 'stage.team.item.coordinator'),
    item('team.roles', 'stage.team.item.roles'),
    item('team.filled', 'stage.team.item.filled'),
  ]),
  stage('strategy', [
    item('strategy.goal', 'stage.strategy.item.goal'),
    item('strategy.theory', 'stage.strategy.item.theory'),
    item('strategy.tactics', 'stage.strategy.item.tactics'),
    item('strategy.timeline', 'stage.strategy.item.timeline'),
  ]),
  stage('expansion', [item('expansion.ladder', 'stage.expansion.item.ladder'), item('expansion.welcome', 'stage.expansion.item.welcome')]),
  stage('campaigns', [
    item('campaigns.plan', 'stage.campaigns.item.plan'),
    item('campaigns.event', 'stage.campaigns.item.event'),
    item('campaigns.tasks', 'stage.campaigns.item.tasks'),
  ]),
  stage('next', [
    item('next.debrief', 'stage.next.item.debrief'),
    item('next.actions', 'stage.next.item.actions'),
    item('next.celebrate', 'stage.next.item.celebrate'),
  ]),
];
