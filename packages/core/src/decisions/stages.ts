import type { Handlers } from '../kernel/feature.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommand } from './commands.ts';

const notYet = async () => ephemeral('…');

export const decisionStageHandlers: Pick<Handlers<DecisionCommand>, 'decision.event' | 'decision.handout' | 'decision.handout.open'> = {
  'decision.event': notYet,
  'decision.handout': notYet,
  'decision.handout.open': notYet,
};
