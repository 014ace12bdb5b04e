import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { clip } from '../kernel/text.ts';
import { type TimezoneCommand, timezoneCommands } from './commands.ts';
import { timezoneHandlers } from './handlers.ts';

/** `tz [zone]` for the community, `tz me [zone]` for oneself. */
export function parseTzArgs(words: readonly string[]): TimezoneCommand {
  const me = /^(me|my|я|мой)$/i.test(words[0] ?? '');
  const zone = clip((me ? words.slice(1) : words).join(' ').trim(), 60, '');
  return { type: 'tz', ...(zone ? { zone } : {}), me };
}

/** Everyday: the community's timezone (leaders set it) and each member's own. */
export const timezoneFeature = feature<TimezoneCommand>({
  id: 'timezone',
  commands: timezoneCommands,
  handlers: timezoneHandlers,
  words: { tz: (rest) => parseTzArgs(rest) },
  discord: [
    // Registered in the `me` group (see calendar/module.ts); still understood from older registrations.
    {
      name: 'tz',
      description: 'cmd.tz.description',
      unlisted: true,
      options: [
        { name: 'zone', kind: 'string', description: 'cmd.tz.zone.description', maxLength: 60 },
        { name: 'me', kind: 'boolean', description: 'cmd.tz.me.description' },
      ],
      parse: (option) => ({ type: 'tz', zone: option('zone'), me: option('me') === true }),
    },
  ],
  // The community's timezone modal (opened by setup's "Set the timezone" button).
  modals: { tz: { decode: (v) => ({ type: 'tz', zone: v.zone?.trim() || undefined, me: false }) } },
  forms: {
    tz: form('tz · $1', 'me tz community:True · zone:$1'),
    'tz.me': form('tz me · $1', 'me tz · zone:$1'),
  },
  help: [
    { form: 'tz.me', group: 'everyday', leadersOnly: false },
    { form: 'tz', group: 'everyday', leadersOnly: true },
  ],
  aliases: { tz: ['timezone', 'пояс'] },
});
