import { discordSubcommands, type OptionSpec, type SubcommandSpec } from '@organizer/core';
import { en, type MessageKey, ru } from '@organizer/core/catalogs';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from './api.ts';

/** The words `story` understands after it, as Discord choices (the same words Slack users type). */
const storyActions = ['questions', 'self', 'us', 'now', 'history', 'share', 'delete', 'needed'] as const;

const described = (key: MessageKey) => ({ description: en[key], description_localizations: { ru: ru[key] } });

const optionType = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  user: ApplicationCommandOptionType.User,
} as const;

/** A feature's option, as Discord's API describes it. */
function optionJson(option: OptionSpec): APIApplicationCommandBasicOption {
  return {
    type: optionType[option.kind],
    name: option.name,
    ...described(option.description),
    required: option.required ?? false,
    ...(option.choices
      ? { choices: option.choices.map((c) => (typeof c === 'string' ? { name: c, value: c } : { name: c[0], value: c[1] })) }
      : {}),
    ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
    ...(option.min !== undefined ? { min_value: option.min } : {}),
    ...(option.max !== undefined ? { max_value: option.max } : {}),
    ...(option.suggest ? { autocomplete: true } : {}),
  } as APIApplicationCommandBasicOption;
}

/** A feature's subcommand (or group of them), as Discord's API describes it. */
function subcommandJson(spec: SubcommandSpec): APIApplicationCommandOption {
  if (spec.subcommands)
    return {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: spec.name,
      ...described(spec.description),
      options: spec.subcommands.map(subcommandJson) as APIApplicationCommandSubcommandOption[],
    };
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: spec.name,
    ...described(spec.description),
    ...(spec.options?.length ? { options: spec.options.map(optionJson) } : {}),
  };
}

/**
 * The `/community` command, shared by the runtime parser and `npm run discord:register`,
 * so what Discord shows and what the app understands cannot drift apart.
 */
export const communityCommand = {
  name: 'community',
  type: ApplicationCommandType.ChatInput,
  ...described('cmd.community.description'),
  contexts: [InteractionContextType.Guild],
  options: [
    { type: ApplicationCommandOptionType.Subcommand, name: 'help', ...described('cmd.help.description') },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'setup',
      ...described('cmd.setup.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          ...described('cmd.setup.name.description'),
          required: false,
          max_length: 80,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'status', ...described('cmd.status.description') },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'story',
      ...described('cmd.story.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.story.action.description'),
          required: false,
          choices: storyActions.map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'kind',
          ...described('cmd.story.kind.description'),
          required: false,
          choices: (['questions', 'self', 'us', 'now'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'number',
          ...described('cmd.story.number.description'),
          required: false,
          min_value: 1,
          max_value: 999_999,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.SubcommandGroup,
      name: 'role',
      ...described('cmd.role.description'),
      // `role list` shows the team: Discord allows 25 subcommands, so the team's view lives in the group.
      options: [
        { type: ApplicationCommandOptionType.Subcommand, name: 'list', ...described('cmd.roles.description') },
        ...(['add', 'edit', 'remove'] as const).map((action) => ({
          type: ApplicationCommandOptionType.Subcommand,
          name: action,
          ...described(`cmd.role.${action}.description`),
          options: [
            {
              type: ApplicationCommandOptionType.String,
              name: 'name',
              ...described('cmd.role.name.description'),
              required: action !== 'add',
              max_length: 60,
              // Existing roles are suggested while typing, except when naming a new one.
              autocomplete: action !== 'add',
            },
          ],
        })),
      ],
    },
    ...(['assign', 'unassign'] as const).map((name) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name,
      ...described(`cmd.${name}.description`),
      options: [
        { type: ApplicationCommandOptionType.User, name: 'user', ...described('cmd.assign.user.description'), required: true },
        {
          type: ApplicationCommandOptionType.String,
          name: 'role',
          ...described('cmd.assign.role.description'),
          required: true,
          max_length: 60,
          autocomplete: true,
        },
        ...(name === 'assign'
          ? [{ type: ApplicationCommandOptionType.Boolean, name: 'lead', ...described('cmd.assign.lead.description'), required: false }]
          : []),
      ],
    })),
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'task',
      ...described('cmd.task.description'),
      options: [
        { type: ApplicationCommandOptionType.User, name: 'user', ...described('cmd.assign.user.description'), required: true },
        {
          type: ApplicationCommandOptionType.String,
          name: 'what',
          ...described('cmd.task.what.description'),
          required: true,
          max_length: 300,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'due',
          ...described('cmd.task.due.description'),
          required: false,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'campaign',
          ...described('cmd.task.campaign.description'),
          required: false,
          max_length: 80,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'tasks',
      ...described('cmd.tasks.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'filter',
          ...described('cmd.tasks.filter.description'),
          required: false,
          choices: (['mine', 'all', 'overdue'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'word',
          ...described('cmd.tasks.word.description'),
          required: false,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'done',
          ...described('cmd.tasks.done.description'),
          required: false,
          max_length: 100,
          // The caller's open tasks are suggested while typing (their ids come back as the value).
          autocomplete: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'tz',
      ...described('cmd.tz.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'zone',
          ...described('cmd.tz.zone.description'),
          required: false,
          max_length: 60,
        },
        { type: ApplicationCommandOptionType.Boolean, name: 'me', ...described('cmd.tz.me.description'), required: false },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'standup',
      ...described('cmd.standup.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.standup.action.description'),
          required: true,
          choices: (['show', 'set', 'join', 'leave', 'now', 'off', 'holiday', 'report', 'nudge-on', 'nudge-off'] as const).map((value) => ({
            name: value,
            value,
          })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          ...described('cmd.standup.name.description'),
          required: false,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'date',
          ...described('cmd.standup.date.description'),
          required: false,
          max_length: 60,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'to',
          ...described('cmd.standup.to.description'),
          required: false,
          max_length: 60,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'campaign',
      ...described('cmd.campaign.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.campaign.action.description'),
          required: true,
          // `milestone` takes its text in `name`: `what by date`, as Slack users type it after `campaign milestone`.
          choices: (['new', 'list', 'show', 'milestone'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'name',
          ...described('cmd.campaign.name.description'),
          required: false,
          max_length: 80,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'event',
      ...described('cmd.event.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.event.action.description'),
          required: true,
          choices: (['new', 'list', 'attended', 'edit', 'cancel', 'repeat', 'remind'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'id',
          ...described('cmd.event.id.description'),
          required: false,
          max_length: 100,
          // Event titles as the user types (an id or a word of the title both work).
          autocomplete: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'people',
          ...described('cmd.event.people.description'),
          required: false,
          max_length: 2000,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'campaign',
          ...described('cmd.event.campaign.description'),
          required: false,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'every',
          ...described('cmd.event.every.description'),
          required: false,
          choices: (['weekly', 'biweekly', 'monthly', 'off'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: 'remind',
          ...described('cmd.event.remind.description'),
          required: false,
          max_length: 100,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'debrief',
      ...described('cmd.debrief.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'campaign',
          ...described('cmd.debrief.campaign.description'),
          required: false,
          max_length: 80,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'next',
      ...described('cmd.next.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'step',
          ...described('cmd.next.step.description'),
          required: false,
          max_length: 20,
        },
        { type: ApplicationCommandOptionType.User, name: 'user', ...described('cmd.next.user.description'), required: false },
        {
          type: ApplicationCommandOptionType.String,
          name: 'due',
          ...described('cmd.next.due.description'),
          required: false,
          max_length: 100,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'celebrate',
      ...described('cmd.celebrate.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'note',
          ...described('cmd.celebrate.note.description'),
          required: true,
          max_length: 500,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'export', ...described('cmd.export.description') },
    { type: ApplicationCommandOptionType.Subcommand, name: 'erase', ...described('cmd.erase.description') },
    { type: ApplicationCommandOptionType.Subcommand, name: 'ladder', ...described('cmd.ladder.description') },
    { type: ApplicationCommandOptionType.Subcommand, name: 'join', ...described('cmd.join.description') },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: '1on1',
      ...described('cmd.oneonone.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.oneonone.action.description'),
          required: true,
          choices: (['log', 'list', 'target', 'values'] as const).map((value) => ({ name: value, value })),
        },
        { type: ApplicationCommandOptionType.User, name: 'user', ...described('cmd.oneonone.user.description'), required: false },
        { type: ApplicationCommandOptionType.Boolean, name: 'share', ...described('cmd.oneonone.share.description'), required: false },
        {
          type: ApplicationCommandOptionType.String,
          name: 'date',
          ...described('cmd.oneonone.date.description'),
          required: false,
          max_length: 60,
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'count',
          ...described('cmd.oneonone.count.description'),
          required: false,
          min_value: 1,
          max_value: 1000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'pair',
      ...described('cmd.pair.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'action',
          ...described('cmd.pair.action.description'),
          required: true,
          choices: (['status', 'join', 'leave', 'snooze', 'start', 'stop', 'now'] as const).map((value) => ({ name: value, value })),
        },
        {
          type: ApplicationCommandOptionType.Integer,
          name: 'weeks',
          ...described('cmd.pair.weeks.description'),
          required: false,
          min_value: 1,
          max_value: 12,
        },
        { type: ApplicationCommandOptionType.Boolean, name: 'newcomers', ...described('cmd.pair.newcomers.description'), required: false },
        {
          type: ApplicationCommandOptionType.String,
          name: 'until',
          ...described('cmd.pair.until.description'),
          required: false,
          max_length: 60,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'away',
      ...described('cmd.away.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'until',
          ...described('cmd.away.until.description'),
          required: false,
          max_length: 60,
        },
        { type: ApplicationCommandOptionType.Boolean, name: 'off', ...described('cmd.away.off.description'), required: false },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'lang',
      ...described('cmd.lang.description'),
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'locale',
          ...described('cmd.lang.locale.description'),
          required: false,
          choices: [
            { name: 'English', value: 'en' },
            { name: 'Русский', value: 'ru' },
            // With `me`: follow the Discord client's language again.
            { name: 'off', value: 'off' },
          ],
        },
        { type: ApplicationCommandOptionType.Boolean, name: 'me', ...described('cmd.lang.me.description'), required: false },
      ],
    },
    // Every feature that declares its subcommands.
    ...discordSubcommands().map(subcommandJson),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
