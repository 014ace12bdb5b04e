import type { CommandForm, HelpEntry, Options, SubcommandSpec } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { clip } from '../kernel/text.ts';

/** Slack: `link` (a code for another place), `link <code>` (link this place with it), `unlink`; Russian words too. */
const parseLink = (rest: readonly string[], args: string): unknown => {
  if (/^(me|я|себя)$/iu.test(rest[0] ?? '')) return parseMe(rest.slice(1));
  // `args` is what follows `link`: the code itself, when there is one.
  const code = args.trim();
  return code ? { type: 'link.join', code: clip(code, 200, '') } : { type: 'link.invite' };
};

/** `link me` (a code for oneself), `link me <code>`, `link me dm slack|discord`. */
const parseMe = (rest: readonly string[]): unknown => {
  const [word, next] = rest;
  if (word && /^(dm|лс)$/iu.test(word)) return { type: 'link.me', dm: (next ?? '').toLowerCase() };
  return { type: 'link.me', ...(word ? { code: clip(rest.join(' '), 200, '') } : {}) };
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
      {
        name: 'me',
        description: 'cmd.link.me.description',
        options: [
          { name: 'code', kind: 'string', description: 'cmd.link.me.code.description', maxLength: 40 },
          { name: 'dm', kind: 'string', description: 'cmd.link.me.dm.description', choices: ['slack', 'discord'] },
        ],
        parse: (option: Options) => ({
          type: 'link.me',
          ...(typeof option('code') === 'string' ? { code: option('code') } : {}),
          ...(typeof option('dm') === 'string' ? { dm: option('dm') } : {}),
        }),
      },
    ],
  },
];

export const linkForms: Readonly<Record<string, CommandForm>> = {
  'link.invite': form('link', 'link invite'),
  'link.join': form('link $1', 'link join code:$1'),
  'link.remove': form('unlink', 'link remove'),
  'link.me': form('link me', 'link me'),
  'link.me.code': form('link me $1', 'link me code:$1'),
};

export const linkHelp: readonly HelpEntry[] = [
  { form: 'link.invite', group: 'community', leadersOnly: true },
  { form: 'link.join', group: 'community', leadersOnly: true },
  { form: 'link.remove', group: 'community', leadersOnly: true },
  { form: 'link.me', group: 'community', leadersOnly: false },
];

export const linkAliases: Readonly<Record<string, readonly string[]>> = { link: ['links', 'connect', 'связь', 'привязать'] };
