import type { Handlers } from '../kernel/feature.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommand } from './commands.ts';

const notYet = async () => ephemeral('…');

export const decisionCreateHandlers: Pick<Handlers<DecisionCommand>, 'propose.open' | 'propose.save' | 'poll.open' | 'poll.save'> = {
  'propose.open': notYet,
  'propose.save': notYet,
  'poll.open': notYet,
  'poll.save': notYet,
};
