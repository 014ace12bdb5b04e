import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { clip } from '../kernel/text.ts';
import { type CommunityCommand, communityCommands } from './commands.ts';
import { eraseHandlers } from './erase.ts';
import { communityActions, communityModals } from './ids.ts';
import { languageHandlers } from './language.ts';
import { setupHandlers } from './setup.ts';

/** `lang [en|ru]` for the community, `lang me [en|ru|off]` for oneself. */
export function parseLanguageArgs(rest: readonly string[], args: string): CommunityCommand {
  return rest[0]?.toLowerCase() === 'me'
    ? { type: 'language', me: true, ...(rest[1] ? { locale: clip(rest.slice(1).join(' '), 20, '') } : {}) }
    : { type: 'language', me: false, ...(args ? { locale: clip(args, 20, '') } : {}) };
}

/** The community itself: setup (and its timezone button), its language and each member's, erase. */
export const communityFeature = feature<CommunityCommand>({
  id: 'community',
  commands: communityCommands,
  handlers: { ...setupHandlers, ...eraseHandlers, ...languageHandlers },
  readOnly: ['erase.open', 'tz.open'],
  words: {
    setup: (_rest, args) => ({ type: 'setup', ...(args ? { name: args } : {}), fromModal: false }),
    erase: () => ({ type: 'erase.open' }),
    lang: parseLanguageArgs,
    language: parseLanguageArgs,
  },
  discord: [
    {
      name: 'setup',
      description: 'cmd.setup.description',
      options: [{ name: 'name', kind: 'string', description: 'cmd.setup.name.description', maxLength: 80 }],
      parse: (option) => ({ type: 'setup', name: option('name'), fromModal: false }),
    },
    // `/community` holds 25 entries, the most Discord allows: exporting and erasing share the `data` group.
    {
      name: 'data',
      description: 'cmd.data.description',
      subcommands: [
        { name: 'export', description: 'cmd.export.description', parse: () => ({ type: 'export' }) },
        { name: 'erase', description: 'cmd.erase.description', parse: () => ({ type: 'erase.open' }) },
      ],
    },
    // Still understood from older registrations; registered as `data erase` (see above).
    { name: 'erase', description: 'cmd.erase.description', unlisted: true, parse: () => ({ type: 'erase.open' }) },
    // Registered in the `me` group (see calendar/module.ts); still understood from older registrations.
    {
      name: 'lang',
      description: 'cmd.lang.description',
      unlisted: true,
      options: [
        {
          name: 'locale',
          kind: 'string',
          description: 'cmd.lang.locale.description',
          // With `me`, `off` follows the Discord client's language again.
          choices: [
            ['English', 'en'],
            ['Русский', 'ru'],
            ['off', 'off'],
          ],
        },
        { name: 'me', kind: 'boolean', description: 'cmd.lang.me.description' },
      ],
      parse: (option) => ({ type: 'language', locale: option('locale'), me: option('me') === true }),
    },
  ],
  actions: communityActions,
  modals: communityModals,
  forms: {
    setup: form('setup · $1', 'setup · name:$1'),
    erase: form('erase', 'data erase'),
    lang: form('lang · $1', 'me lang community:True · locale:$1'),
    'lang.me': form('lang me · $1', 'me lang · locale:$1'),
  },
  help: [
    { form: 'lang.me', group: 'everyday', leadersOnly: false },
    { form: 'lang', group: 'everyday', leadersOnly: true },
    { form: 'setup', group: 'community', leadersOnly: false },
    { form: 'erase', group: 'community', leadersOnly: true },
  ],
  aliases: { setup: ['настройка', 'создать'], erase: ['удалить'], lang: ['язык', 'language'] },
});
