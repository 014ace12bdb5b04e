import type { BoardCommand } from './board/commands.ts';
import { boardFeature } from './board/module.ts';
import type { CalendarCommand } from './calendar/commands.ts';
import { calendarFeature } from './calendar/module.ts';
import type { CampaignCommand } from './campaigns/commands.ts';
import { campaignsFeature } from './campaigns/module.ts';
import type { CoalitionCommand } from './coalitions/commands.ts';
import { coalitionsFeature } from './coalitions/module.ts';
import type { CommunityCommand } from './community/commands.ts';
import { communityFeature } from './community/module.ts';
import type { DashboardCommand } from './dashboard/commands.ts';
import { dashboardFeature } from './dashboard/module.ts';
import type { DebriefCommand } from './debrief/commands.ts';
import { debriefFeature } from './debrief/module.ts';
import type { DecisionCommand } from './decisions/commands.ts';
import { decisionsFeature } from './decisions/module.ts';
import type { EventCommand } from './events/commands.ts';
import { eventsFeature } from './events/module.ts';
import type { ExpansionCommand } from './expansion/commands.ts';
import { expansionFeature } from './expansion/module.ts';
import type { ExportCommand } from './export/commands.ts';
import { exportFeature } from './export/module.ts';
import type { HelpCommand } from './help/commands.ts';
import { helpFeature } from './help/module.ts';
import type { HomeCommand } from './home/commands.ts';
import { homeFeature } from './home/module.ts';
import type { ActionSource, AnyCommand } from './kernel/feature.ts';
import { fromAction, fromModal, fromWords, registerFeatures, tenantOfInteraction, validCommand } from './kernel/registry.ts';
import { clip } from './kernel/text.ts';
import type { LinkCommand } from './links/commands.ts';
import { linksFeature } from './links/module.ts';
import type { MembersCommand } from './members/commands.ts';
import { membersFeature } from './members/module.ts';
import type { OneOnOneCommand } from './oneonones/commands.ts';
import { oneOnOnesFeature } from './oneonones/module.ts';
import type { PairingCommand } from './pairing/commands.ts';
import { pairingFeature } from './pairing/module.ts';
import type { ReportCommand } from './report/commands.ts';
import { reportFeature } from './report/module.ts';
import type { RolesCommand } from './roles/commands.ts';
import { rolesFeature } from './roles/module.ts';
import type { StandupCommand } from './standup/commands.ts';
import { standupFeature } from './standup/module.ts';
import type { StatusCommand } from './status/commands.ts';
import { statusFeature } from './status/module.ts';
import type { StoryCommand } from './story/commands.ts';
import { storyFeature } from './story/module.ts';
import type { StrategyCommand } from './strategy/commands.ts';
import { strategyFeature } from './strategy/module.ts';
import type { TasksCommand } from './tasks/commands.ts';
import { tasksFeature } from './tasks/module.ts';
import type { TimezoneCommand } from './timezone/commands.ts';
import { timezoneFeature } from './timezone/module.ts';

/**
 * Organizer's features, in the order help and Discord's `/community` show them. Everything that lists
 * commands (dispatch, parsing on both platforms, buttons, modals, jobs, help) is derived from this list.
 */
export const featureList = [
  storyFeature,
  rolesFeature,
  standupFeature,
  strategyFeature,
  expansionFeature,
  campaignsFeature,
  eventsFeature,
  tasksFeature,
  timezoneFeature,
  membersFeature,
  calendarFeature,
  oneOnOnesFeature,
  pairingFeature,
  debriefFeature,
  decisionsFeature,
  coalitionsFeature,
  linksFeature,
  communityFeature,
  statusFeature,
  boardFeature,
  reportFeature,
  dashboardFeature,
  exportFeature,
  homeFeature,
  helpFeature,
] as const;

registerFeatures(featureList);

/** The one internal vocabulary: every Slack and Discord input becomes one of these. */
export type Command =
  | TasksCommand
  | CalendarCommand
  | CampaignCommand
  | EventCommand
  | DebriefCommand
  | DecisionCommand
  | CoalitionCommand
  | LinkCommand
  | ExpansionCommand
  | ExportCommand
  | StoryCommand
  | StrategyCommand
  | MembersCommand
  | StandupCommand
  | TimezoneCommand
  | OneOnOneCommand
  | PairingCommand
  | RolesCommand
  | CommunityCommand
  | StatusCommand
  | BoardCommand
  | ReportCommand
  | DashboardCommand
  | HomeCommand
  | HelpCommand;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/**
 * Slack: `/community <word> <rest…>` → the command of the feature that has the word (a word it cannot read
 * becomes `unknown`, shown help); undefined when no feature has it.
 */
export function commandFromWords(word: string, rest: readonly string[], args: string): Command | undefined {
  const raw = fromWords(word, rest, args);
  if (raw === undefined) return undefined;
  return parseCommandValue(raw) ?? { type: 'unknown', input: clip([word, ...rest.slice(0, 1)].join(' '), 200, '') };
}

/** A raw command → a valid command (the schema of its feature), or undefined. */
export const parseCommandValue = (raw: unknown): Command | undefined => validCommand(raw) as Command | undefined;

/** The schema of every command, for adapters that validate what they built (`Command.safeParse`). */
export const Command = {
  safeParse(raw: unknown): { success: true; data: Command } | { success: false } {
    const data = validCommand(raw);
    return data ? { success: true, data: data as Command } : { success: false };
  },
};

export type { AnyCommand };

/** A clicked button → a command, or undefined when the id is not one of ours (each feature decodes its own: `<feature>/ids.ts`). */
export const commandForAction = (id: string, source: ActionSource): Command | undefined =>
  validCommand(fromAction(id, source)) as Command | undefined;

/** A submitted modal's values (and its state) → a command, or undefined when it is not one of ours. */
export const commandForModal = (id: string, values: Readonly<Record<string, string>>, state = ''): Command | undefined =>
  validCommand(fromModal(id, values, state)) as Command | undefined;

/** The tenant a button or modal from a direct message belongs to: Discord sends DM interactions without a guild. */
export const tenantOfAction = (id: string): string | undefined => tenantOfInteraction(id);
