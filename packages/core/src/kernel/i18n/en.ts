import { boardEn } from '../../board/messages.en.ts';
import { calendarEn } from '../../calendar/messages.en.ts';
import { campaignsEn } from '../../campaigns/messages.en.ts';
import { coalitionCampaignEn } from '../../coalitions/campaign.en.ts';
import { coalitionEn } from '../../coalitions/coalition.en.ts';
import { languageEn } from '../../community/language.en.ts';
import { communityEn } from '../../community/messages.en.ts';
import { dashboardEn } from '../../dashboard/messages.en.ts';
import { debriefEn } from '../../debrief/messages.en.ts';
import { decisionsEn } from '../../decisions/messages.en.ts';
import { eventsEn } from '../../events/messages.en.ts';
import { expansionEn } from '../../expansion/messages.en.ts';
import { exportEn } from '../../export/messages.en.ts';
import { helpEn } from '../../help/messages.en.ts';
import { homeEn } from '../../home/messages.en.ts';
import { linkEn } from '../../links/link.en.ts';
import { membersEn } from '../../members/messages.en.ts';
import { oneononesEn } from '../../oneonones/messages.en.ts';
import { pairingEn } from '../../pairing/messages.en.ts';
import { reportEn } from '../../report/messages.en.ts';
import { rolesEn } from '../../roles/messages.en.ts';
import { standupEn } from '../../standup/messages.en.ts';
import { statusEn } from '../../status/messages.en.ts';
import { storyEn } from '../../story/messages.en.ts';
import { strategyEn } from '../../strategy/messages.en.ts';
import { tasksEn } from '../../tasks/messages.en.ts';
import { timezoneEn } from '../../timezone/messages.en.ts';
import { datesEn } from './dates.en.ts';
import { peopleEn } from './people.en.ts';
import { playgroundEn } from './playground.en.ts';

/** English catalog: the reference set of keys. Every user-visible string lives here and in `ru.ts`. */
export const en = {
  ...calendarEn,
  ...campaignsEn,
  ...coalitionEn,
  ...linkEn,
  ...coalitionCampaignEn,
  ...communityEn,
  ...debriefEn,
  ...decisionsEn,
  ...expansionEn,
  ...exportEn,
  ...membersEn,
  ...oneononesEn,
  ...pairingEn,
  ...rolesEn,
  ...storyEn,
  ...strategyEn,
  ...datesEn,
  ...peopleEn,
  ...languageEn,
  ...tasksEn,
  ...timezoneEn,
  ...eventsEn,
  ...helpEn,
  ...homeEn,
  ...boardEn,
  ...statusEn,
  ...reportEn,
  ...dashboardEn,
  ...standupEn,
  ...playgroundEn,
  'app.name': 'Organizer',
  'platform.guildOnly': 'Organizer works inside a server: run `/community` in one of its channels.',

  'community.none': 'There is no community here yet. A leader can start one with {cmd:setup <name>}.',
  'community.elsewhere': 'This channel has no community. Run the command in one of: {channels}.',
  'community.gone': 'This community no longer exists here. Start again with {cmd:setup <name>}.',

  'error.generic': 'Something went wrong on our side. Please try again in a minute.',
  'error.pending': 'I am still working on that one; its answer will show here in a moment.',
  'error.badRequest': 'I could not read that request. Nothing was changed.',
  'admin.unverified':
    'I could not check your admin rights with the workspace just now, so nothing was changed. Please try again in a minute.',
  'forged.refused': 'This button is not for you, so nothing was changed. Use the buttons Organizer sent you, or ask a leader.',
  'list.more.one': '…and {count} more. {how}',
  'list.more.few': '…and {count} more. {how}',
  'list.more.many': '…and {count} more. {how}',
  'list.more.other': '…and {count} more. {how}',
  'progress.more.one': '{list}, … (+{count} more)',
  'progress.more.few': '{list}, … (+{count} more)',
  'progress.more.many': '{list}, … (+{count} more)',
  'progress.more.other': '{list}, … (+{count} more)',
  'due.gaveUp':
    'For a day I could not deliver a message about **{what}** (the platform kept refusing it), so I stopped trying. Check that I can still post there.',
  'install.title': 'Add Organizer to Slack',
  'install.lead': 'Organizer helps your community go through seven stages, from its story to its next steps, right in your channels.',
  'install.button': 'Add to Slack',
  'install.disabled': 'Installing from this page is not set up here: this Organizer runs for one workspace.',
  'install.done.title': 'Organizer is installed',
  'install.done.body': 'Organizer is now in {team}. In a channel where your community talks, type {cmd:setup} to begin.',
  'install.done.open': 'Open Slack',
  'install.cancelled': 'The installation was cancelled. Nothing was changed; you can start again from the install page.',
  'install.badState':
    'This installation link has expired or was already used. Nothing was changed; please start again from the install page.',
  'install.failed': 'Slack did not accept the installation. Nothing was changed; please start again from the install page in a minute.',
  'install.missing': 'Organizer is not installed in this workspace any more. A workspace admin can add it again from its install page.',
  'install.again': 'Back to the install page',
  'playground.title': 'Organizer playground',
  'playground.lead':
    'Try every command as Slack or Discord would show it. Everything stays on this computer: the workspaces, people and API calls here are the playground’s own.',
  'playground.platform': 'Platform',
  'playground.space': 'Workspace or server',
  'playground.channel': 'Channel',
  'playground.user': 'You are',
  'playground.language': 'Language',
  'playground.placeholder': 'a command, e.g. setup Green Street Tenants',
  'playground.send': 'Send',
  'playground.try': 'Try:',
  'playground.calls': 'Calls Organizer made to the {platform} API',
  'playground.calls.empty': 'Nothing sent yet.',
  'playground.onlyYou': 'Only visible to you',
  'playground.dm': 'Direct message to {name}',
  'playground.thread': 'In a thread',
  'playground.cancel': 'Cancel',
  'playground.thinking': 'Organizer is thinking…',
  'playground.failed': 'The request was not accepted ({status}).',
  'playground.empty': 'Type a command below to begin. `setup` creates a community in this channel; `status` shows its seven stages.',
} as const;

/** A message key: the catalogs are checked to hold exactly the same keys. */
export type MessageKey = keyof typeof en;
