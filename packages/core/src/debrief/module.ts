import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type DebriefCommand, debriefCommands } from './commands.ts';
import { debriefHandlers } from './handlers.ts';
import { debriefActions, debriefModals } from './ids.ts';
import { celebrateFromWords, debriefFromWords, nextFromOptions, parseNextArgs } from './parse.ts';

/** Stage 7: debriefs, their next steps handed out as tasks, and celebrations. */
export const debriefFeature = feature<DebriefCommand>({
  id: 'debrief',
  commands: debriefCommands,
  handlers: debriefHandlers,
  readOnly: ['debrief.open'],
  words: {
    debrief: (_rest, args) => debriefFromWords(args),
    next: (rest) => parseNextArgs(rest),
    celebrate: (_rest, args) => celebrateFromWords(args),
  },
  discord: [
    {
      name: 'debrief',
      description: 'cmd.debrief.description',
      options: [{ name: 'campaign', kind: 'string', description: 'cmd.debrief.campaign.description', maxLength: 80 }],
      parse: (option) => ({ type: 'debrief.open', ...(typeof option('campaign') === 'string' ? { name: option('campaign') } : {}) }),
    },
    {
      name: 'next',
      description: 'cmd.next.description',
      options: [
        { name: 'step', kind: 'string', description: 'cmd.next.step.description', maxLength: 20 },
        { name: 'user', kind: 'user', description: 'cmd.next.user.description' },
        { name: 'due', kind: 'string', description: 'cmd.next.due.description', maxLength: 100 },
        { name: 'celebrate', kind: 'string', description: 'cmd.celebrate.note.description', maxLength: 500 },
      ],
      // `/community` has room for 25 subcommands: celebrating is `next celebrate:…` there.
      parse: (option) =>
        typeof option('celebrate') === 'string' ? { type: 'celebrate', note: option('celebrate') } : nextFromOptions(option),
    },
    {
      name: 'celebrate',
      description: 'cmd.celebrate.description',
      // Still understood from older registrations; registered as `next celebrate:` (see above).
      unlisted: true,
      options: [{ name: 'note', kind: 'string', description: 'cmd.celebrate.note.description', required: true, maxLength: 500 }],
      parse: (option) => ({ type: 'celebrate', note: option('note') }),
    },
  ],
  actions: debriefActions,
  modals: debriefModals,
  forms: {
    debrief: form('debrief · $1', 'debrief · campaign:$1'),
    next: form('next', 'next'),
    'next.assign': form('next $1 · $2 · by $3', 'next step:$1 · user:$2 · due:$3'),
    celebrate: form('celebrate · $1', 'next celebrate:$1'),
  },
  help: [
    { form: 'debrief', group: 'next', leadersOnly: true },
    { form: 'next', group: 'next', leadersOnly: false },
    { form: 'next.assign', group: 'next', leadersOnly: true },
    { form: 'celebrate', group: 'next', leadersOnly: false },
  ],
  aliases: { debrief: ['разбор'], next: ['дальше'], celebrate: ['праздник'] },
});
