import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { away, parseAwayArgs } from './away.ts';
import { type MembersCommand, membersCommands } from './commands.ts';

/** Members' own settings: `away` pauses one's prompts and reminders. */
export const membersFeature = feature<MembersCommand>({
  id: 'members',
  commands: membersCommands,
  handlers: { away },
  words: { away: (rest) => parseAwayArgs(rest) },
  discord: [
    // Registered in the `me` group (see calendar/module.ts); still understood from older registrations.
    {
      name: 'away',
      description: 'cmd.away.description',
      unlisted: true,
      options: [
        { name: 'until', kind: 'string', description: 'cmd.away.until.description', maxLength: 60 },
        { name: 'off', kind: 'boolean', description: 'cmd.away.off.description' },
      ],
      parse: (option) => (option('off') === true ? { type: 'away', off: true } : { type: 'away', until: option('until'), off: false }),
    },
  ],
  forms: {
    away: form('away until $1', 'me away until:$1'),
    'away.off': form('away off', 'me away off:True'),
  },
  help: [
    { form: 'away', group: 'everyday', leadersOnly: false },
    { form: 'away.off', group: 'everyday', leadersOnly: false },
  ],
  aliases: { away: ['отпуск', 'нет'] },
});
