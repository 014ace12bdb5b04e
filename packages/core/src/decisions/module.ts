import { feature } from '../kernel/feature.ts';
import { decisionCardJobs } from './card.ts';
import { decisionCloseHandlers } from './close.ts';
import { type DecisionCommand, decisionCommands } from './commands.ts';
import { decisionCreateHandlers } from './create.ts';
import { decisionDueJobs } from './due.ts';
import { decisionAliases, decisionDiscord, decisionForms, decisionHelp, decisionWords } from './entry.ts';
import { decisionActions, decisionModals } from './ids.ts';
import { decisionLogHandlers } from './log.ts';
import { decisionStageHandlers } from './stages.ts';
import { decisionVoteHandlers } from './vote.ts';

/** Deciding together: proposals with consent, polls of every useful kind, and the decision log. */
export const decisionsFeature = feature<DecisionCommand>({
  id: 'decisions',
  commands: decisionCommands,
  handlers: {
    ...decisionCreateHandlers,
    ...decisionVoteHandlers,
    ...decisionCloseHandlers,
    ...decisionStageHandlers,
    ...decisionLogHandlers,
  },
  readOnly: [
    'propose.open',
    'poll.open',
    'decision.position',
    'decision.ballot.open',
    'decision.statement.open',
    'decision.handout.open',
    'decisions',
    'decisions.suggest',
  ],
  words: decisionWords,
  discord: decisionDiscord,
  actions: decisionActions,
  modals: decisionModals,
  forms: decisionForms,
  help: decisionHelp,
  aliases: decisionAliases,
  jobs: { ...decisionCardJobs, ...decisionDueJobs },
  dueKinds: ['decision'],
});
