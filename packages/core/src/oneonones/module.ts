import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type OneOnOneCommand, oneOnOneCommands } from './commands.ts';
import { oneOnOneHandlers } from './handlers.ts';
import { oneOnOneModals } from './ids.ts';
import { commitOneOnOne, followUpOneOnOne } from './job.ts';
import { oneOnOneFromOptions, parseOneOnOneArgs } from './parse.ts';

/** Stage 2: one-on-ones logged with values, notes and commitments; the coordinator's target; the values they share. */
export const oneOnOnesFeature = feature<OneOnOneCommand>({
  id: 'oneonones',
  commands: oneOnOneCommands,
  handlers: oneOnOneHandlers,
  readOnly: ['oneonones', 'values', 'oneonone.open'],
  words: {
    '1on1': (rest) => parseOneOnOneArgs(rest),
    '1on1s': () => ({ type: 'oneonones' }),
    values: () => ({ type: 'values' }),
  },
  discord: [
    {
      name: '1on1',
      description: 'cmd.oneonone.description',
      options: [
        {
          name: 'action',
          kind: 'string',
          description: 'cmd.oneonone.action.description',
          required: true,
          choices: ['log', 'list', 'target', 'values'],
        },
        { name: 'user', kind: 'user', description: 'cmd.oneonone.user.description' },
        { name: 'share', kind: 'boolean', description: 'cmd.oneonone.share.description' },
        { name: 'date', kind: 'string', description: 'cmd.oneonone.date.description', maxLength: 60 },
        { name: 'count', kind: 'integer', description: 'cmd.oneonone.count.description', min: 1, max: 1000 },
      ],
      parse: oneOnOneFromOptions,
    },
    // Older registrations of the command had it on its own: still understood, no longer registered.
    { name: 'values', description: 'cmd.oneonone.action.description', unlisted: true, parse: () => ({ type: 'values' }) },
  ],
  modals: oneOnOneModals,
  forms: {
    '1on1.log': form('1on1 log · $1 · share?2', '1on1 action:log · user:$1 · share:True?2'),
    '1on1s': form('1on1s', '1on1 action:list'),
    '1on1.target': form('1on1 target · $1', '1on1 action:target · count:$1'),
    values: form('values', '1on1 action:values'),
  },
  help: [
    { form: '1on1.log', group: 'relationships', leadersOnly: false },
    { form: '1on1s', group: 'relationships', leadersOnly: false },
    { form: 'values', group: 'relationships', leadersOnly: false },
    { form: '1on1.target', group: 'relationships', leadersOnly: true },
  ],
  aliases: { '1on1': ['встреча1на1', 'oneonone'], '1on1s': ['встречи'], values: ['ценности'] },
  jobs: { oneonone: followUpOneOnOne, 'oneonone.commit': commitOneOnOne },
  dueKinds: ['oneonone'],
});
