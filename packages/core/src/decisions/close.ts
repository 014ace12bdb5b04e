import type { Handlers } from '../kernel/feature.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommand } from './commands.ts';

const notYet = async () => ephemeral('…');

export const decisionCloseHandlers: Pick<
  Handlers<DecisionCommand>,
  'decision.close' | 'decision.statement.open' | 'decision.statement.save'
> = {
  'decision.close': notYet,
  'decision.statement.open': notYet,
  'decision.statement.save': notYet,
};
