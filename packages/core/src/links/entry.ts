import type { CommandForm, HelpEntry, Options, SubcommandSpec } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { clip } from '../kernel/text.ts';

/** Slack: `link` (a code for another place), `link <code>` (link this place with it), `unlink`; Russian words too. */
const parseLink = (_rest: readonly string[], args: string): unknown => {
  const code = args.trim().replace(/^\S+\s*/, '');
  return code ? { type: 'link.join', code: clip(code, 200, '') } : { type: 'link.invite' };
};

export const linkWords: Readonly<Record<string, (rest: readonly string[], args: string) => unknown>> = {
  link: parseLink,
  связать: parseLink,
  unlink: () => ({ type: 'link.remove' }),
  отвязать: () => ({ type: 'link.remove' }),
};

/** Discord: one `link` group. */
export const linkDiscord: readonly SubcommandSpec[] = [
  {
    name: 'link',
    description: 'cmd.link.description',
    subcommands: [
      { name: 'invite', description: 'cmd.link.invite.description', parse: () => ({ type: 'link.invite' }) },
      {
        name: 'join',
        description: 'cmd.link.join.description',
        options: [{ name: 'code', kind: 'string', description: 'cmd.link.join.code.description', required: true, maxLength: 40 }],
        parse: (option: Options) => ({ type: 'link.join', code: typeof option('code') === 'string' ? option('code') : undefined }),
      },
      { name: 'remove', description: 'cmd.link.remove.description', parse: () => ({ type: 'link.remove' }) },
    ],
  },
];

export const linkForms: Readonly<Record<string, CommandForm>> = {
  'link.invite': form('link', 'link invite'),
  'link.join': form('link $1', 'link join code:$1'),
  'link.remove': form('unlink', 'link remove'),
};

export const linkHelp: readonly HelpEntry[] = [
  { form: 'link.invite', group: 'community', leadersOnly: true },
  { form: 'link.join', group: 'community', leadersOnly: true },
  { form: 'link.remove', group: 'community', leadersOnly: true },
];

export const linkAliases: Readonly<Record<string, readonly string[]>> = { link: ['links', 'connect', 'связь', 'привязать'] };
