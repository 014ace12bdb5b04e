import { feature } from '../kernel/feature.ts';
import { type LinkCommand, linkCommands } from './commands.ts';
import { linkAliases, linkDiscord, linkForms, linkHelp, linkWords } from './entry.ts';
import { identityHandlers } from './identity.ts';
import { linkHandlers } from './link.ts';
import { linkJobs } from './merge-job.ts';

/**
 * One community in two places: a Slack workspace and a Discord server (or two of either) as one community,
 * linked by a one-time code from its coordinator and an admin of the other place; unlinked at once.
 */
export const linksFeature = feature<LinkCommand>({
  id: 'links',
  commands: linkCommands,
  handlers: { ...linkHandlers, ...identityHandlers },
  words: linkWords,
  discord: linkDiscord,
  forms: linkForms,
  help: linkHelp,
  aliases: linkAliases,
  jobs: linkJobs,
});
