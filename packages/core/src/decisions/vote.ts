import type { Handlers } from '../kernel/feature.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommand } from './commands.ts';

const notYet = async () => ephemeral('…');

export const decisionVoteHandlers: Pick<
  Handlers<DecisionCommand>,
  'decision.position' | 'decision.vote' | 'decision.ballot.open' | 'decision.ballot.save'
> = {
  'decision.position': notYet,
  'decision.vote': notYet,
  'decision.ballot.open': notYet,
  'decision.ballot.save': notYet,
};
