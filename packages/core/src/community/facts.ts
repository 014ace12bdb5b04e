import type { FactId } from '../status/stages.ts';
import type { Community } from './model.ts';

/** Everything `status` needs, read in one Query of the community's partition. */
export interface CommunitySnapshot {
  readonly community: Community;
}

type FactRule = (s: CommunitySnapshot) => boolean;

const filled = (value: string | undefined) => (value ?? '').trim().length > 0;

/**
 * How each fact is derived from data. Facts without a rule yet are false until the feature
 * that records them exists; a leader's "mark done" completes a whole stage regardless.
 */
const rules: Partial<Record<FactId, FactRule>> = {
  'story.questions': ({ community: { story } }) => [story.goal, story.who, story.how, story.when].every(filled),
  'story.vision': ({ community: { story } }) => filled(story.vision),
  'story.self': ({ community }) => community.selfAuthors.length >= community.selfStoriesNeeded,
  'story.us': ({ community }) => community.stories.us !== undefined,
  'story.now': ({ community }) => community.stories.now !== undefined,
  'team.coordinator': ({ community }) => filled(community.coordinatorId),
  // Stage 3 asks for at least three roles, each with written responsibilities and a lead who accepted.
  'team.roles': ({ community: { roles } }) => roles.length >= 3 && roles.every((r) => r.responsibilities.length > 0),
  'team.filled': ({ community: { roles } }) => roles.length >= 3 && roles.every((r) => r.leadId !== undefined),
  'relationships.oneOnOnes': ({ community }) => community.activity.oneOnOnes >= community.oneOnOneTarget,
  // Shared values come from one-on-ones: three named at least.
  'relationships.values': ({ community }) => community.activity.values >= 3,
  'expansion.ladder': ({ community }) => community.ladder !== undefined,
  'expansion.welcome': ({ community }) => community.activity.welcomed > 0,
  'strategy.goal': ({ community: { strategy } }) => filled(strategy.goal),
  'strategy.theory': ({ community: { strategy } }) => filled(strategy.change),
  'strategy.tactics': ({ community: { strategy } }) => filled(strategy.tactics),
  'strategy.timeline': ({ community: { strategy } }) => filled(strategy.timeline),
  'campaigns.plan': ({ community: { activity } }) => activity.campaigns > 0,
  'campaigns.event': ({ community: { activity } }) => activity.events > 0,
  'campaigns.tasks': ({ community: { activity } }) => activity.acceptedTasks > 0,
  'next.debrief': ({ community: { activity } }) => activity.debriefs > 0,
  'next.actions': ({ community: { activity } }) => activity.nextSteps > 0,
  'next.celebrate': ({ community: { activity } }) => activity.celebrations > 0,
};

/** The set of facts that hold for a community right now. */
export function deriveFacts(snapshot: CommunitySnapshot): ReadonlySet<FactId> {
  const facts = new Set<FactId>();
  for (const [fact, rule] of Object.entries(rules) as [FactId, FactRule][]) if (rule(snapshot)) facts.add(fact);
  return facts;
}
