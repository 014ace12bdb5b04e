import type { Handlers } from '../kernel/feature.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommand } from './commands.ts';

const notYet = async () => ephemeral('…');

export const decisionLogHandlers: Pick<Handlers<DecisionCommand>, 'decisions' | 'decisions.suggest'> = {
  decisions: notYet,
  'decisions.suggest': notYet,
};
