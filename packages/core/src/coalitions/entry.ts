import type { CommandForm, HelpEntry, SubcommandSpec } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { NAME_MAX } from './create.ts';
import { type CoalitionVerb, coalitionFromOptions, parseCoalitionArgs } from './parse.ts';

/** Slack's words: `coalition <create|invite|join|leave|status|story> [text]`, and the Russian word for it. */
export const coalitionWords: Readonly<Record<string, (rest: readonly string[], args: string) => unknown>> = {
  coalition: parseCoalitionArgs,
  коалиция: parseCoalitionArgs,
};

const sub = (verb: CoalitionVerb, options: SubcommandSpec['options'] = []): SubcommandSpec => ({
  name: verb,
  description: `cmd.coalition.${verb}.description`,
  ...(options.length > 0 ? { options } : {}),
  parse: coalitionFromOptions(verb),
});

/** Discord: one `coalition` group (`/community` holds 25 entries, the most Discord allows). */
export const coalitionDiscord: readonly SubcommandSpec[] = [
  {
    name: 'coalition',
    description: 'cmd.coalition.description',
    subcommands: [
      sub('create', [
        { name: 'name', kind: 'string', description: 'cmd.coalition.create.name.description', required: true, maxLength: NAME_MAX },
      ]),
      sub('invite'),
      sub('join', [{ name: 'code', kind: 'string', description: 'cmd.coalition.join.code.description', required: true, maxLength: 40 }]),
      sub('leave'),
      sub('status', [{ name: 'page', kind: 'integer', description: 'cmd.coalition.status.page.description', min: 1, max: 999 }]),
      sub('story'),
      sub('campaign'),
    ],
  },
];

export const coalitionForms: Readonly<Record<string, CommandForm>> = {
  'coalition.create': form('coalition create $1', 'coalition create name:$1'),
  'coalition.invite': form('coalition invite', 'coalition invite'),
  'coalition.join': form('coalition join $1', 'coalition join code:$1'),
  'coalition.leave': form('coalition leave', 'coalition leave'),
  'coalition.status': form('coalition status', 'coalition status'),
  'coalition.status.page': form('coalition status $1', 'coalition status page:$1'),
  'coalition.story': form('coalition story', 'coalition story'),
  'coalition.campaign': form('coalition campaign', 'coalition campaign'),
};

/** Uniting with other communities is the community's own business: its coordinator binds it, anyone sees the board. */
export const coalitionHelp: readonly HelpEntry[] = [
  { form: 'coalition.status', group: 'community', leadersOnly: false },
  { form: 'coalition.create', group: 'community', leadersOnly: true },
  { form: 'coalition.invite', group: 'community', leadersOnly: true },
  { form: 'coalition.join', group: 'community', leadersOnly: true },
  { form: 'coalition.story', group: 'community', leadersOnly: true },
  { form: 'coalition.campaign', group: 'community', leadersOnly: true },
  { form: 'coalition.leave', group: 'community', leadersOnly: true },
];

export const coalitionAliases: Readonly<Record<string, readonly string[]>> = {
  coalition: ['coalitions', 'alliance', 'коалиции', 'союз', 'альянс'],
};
