import { feature } from '../kernel/feature.ts';
import { coalitionBoardHandlers } from './board.ts';
import { coalitionCampaignHandlers } from './campaign.ts';
import { coalitionRunHandlers, runCampaignPost } from './campaign-run.ts';
import { type CoalitionCommand, coalitionCommands } from './commands.ts';
import { coalitionCreateHandlers } from './create.ts';
import { coalitionAliases, coalitionDiscord, coalitionForms, coalitionHelp, coalitionWords } from './entry.ts';
import { coalitionActions, coalitionModals } from './ids.ts';
import { coalitionJoinHandlers } from './join.ts';
import { runNoticeJob } from './notice.ts';
import { coalitionStoryHandlers } from './story.ts';

/**
 * Communities that unite: coalitions formed by invitation (one-time codes) and each coordinator's acceptance,
 * with a shared story of us and a board of every member's seven stages. A member shares only its name, its
 * progress and its counts.
 */
export const coalitionsFeature = feature<CoalitionCommand>({
  id: 'coalitions',
  commands: coalitionCommands,
  handlers: {
    ...coalitionCreateHandlers,
    ...coalitionJoinHandlers,
    ...coalitionStoryHandlers,
    ...coalitionBoardHandlers,
    ...coalitionCampaignHandlers,
    ...coalitionRunHandlers,
  },
  readOnly: ['coalition.status', 'coalition.story.open', 'coalition.campaign.open'],
  words: coalitionWords,
  discord: coalitionDiscord,
  actions: coalitionActions,
  modals: coalitionModals,
  forms: coalitionForms,
  help: coalitionHelp,
  aliases: coalitionAliases,
  jobs: { 'coalition.notice': runNoticeJob, 'coalition.campaign': runCampaignPost },
});
