import { discordSubcommands, type OptionSpec, type SubcommandSpec } from '@organizer/core';
import { en, type MessageKey, ru } from '@organizer/core/catalogs';
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from './api.ts';

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
    // Every feature that declares its subcommands.
    ...discordSubcommands()
      .filter((s) => !s.unlisted)
      .map(subcommandJson),
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
