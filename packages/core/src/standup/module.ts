import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type StandupCommand, standupCommands } from './commands.ts';
import { runStandupPostJob, runStandupRedrawJob, runStandupSyncJob } from './delivery-jobs.ts';
import { standupHandlers } from './handlers.ts';
import { standupActions, standupModals } from './ids.ts';
import { runStandupJob } from './job.ts';
import { runNudgeJob } from './nudge.ts';
import { parseStandupArgs, standupFromOptions } from './parse.ts';
import { runSummaryJob } from './summary-job.ts';

const actions = ['show', 'set', 'join', 'leave', 'now', 'off', 'holiday', 'report', 'nudge-on', 'nudge-off'] as const;

/** Stage 3's team rhythm: stand-ups scheduled by leaders, prompted by the scheduler, answered by anyone. */
export const standupFeature = feature<StandupCommand>({
  id: 'standup',
  commands: standupCommands,
  handlers: standupHandlers,
  readOnly: ['standup.show', 'standup.set', 'standup.report', 'standup.answer.open'],
  words: { standup: (rest) => parseStandupArgs(rest) },
  discord: [
    {
      name: 'standup',
      description: 'cmd.standup.description',
      options: [
        { name: 'action', kind: 'string', description: 'cmd.standup.action.description', required: true, choices: actions },
        { name: 'name', kind: 'string', description: 'cmd.standup.name.description', maxLength: 40 },
        { name: 'date', kind: 'string', description: 'cmd.standup.date.description', maxLength: 60 },
        { name: 'to', kind: 'string', description: 'cmd.standup.to.description', maxLength: 60 },
      ],
      parse: standupFromOptions,
    },
  ],
  actions: standupActions,
  modals: standupModals,
  forms: {
    standup: form('standup', 'standup action:show'),
    'standup.set': form('standup set', 'standup action:set'),
    'standup.now': form('standup now · $1', 'standup action:now · name:$1'),
    'standup.off': form('standup off · $1', 'standup action:off · name:$1'),
    'standup.nudge.on': form('standup nudge on · $1', 'standup action:nudge-on · name:$1'),
    'standup.nudge.off': form('standup nudge off · $1', 'standup action:nudge-off · name:$1'),
    'standup.join': form('standup join · $1', 'standup action:join · name:$1'),
    'standup.leave': form('standup leave · $1', 'standup action:leave · name:$1'),
    'standup.holiday': form('standup holiday · $1', 'standup action:holiday · date:$1'),
    'standup.report': form('standup report · $1 · $2', 'standup action:report · date:$1 · to:$2'),
  },
  help: [
    { form: 'standup', group: 'team', leadersOnly: false },
    { form: 'standup.join', group: 'team', leadersOnly: false },
    { form: 'standup.leave', group: 'team', leadersOnly: false },
    { form: 'standup.set', group: 'team', leadersOnly: true },
    { form: 'standup.now', group: 'team', leadersOnly: true },
    { form: 'standup.off', group: 'team', leadersOnly: true },
    { form: 'standup.nudge.off', group: 'team', leadersOnly: true },
    { form: 'standup.nudge.on', group: 'team', leadersOnly: true },
    { form: 'standup.holiday', group: 'team', leadersOnly: true },
    { form: 'standup.report', group: 'team', leadersOnly: true },
  ],
  aliases: { standup: ['стендап', 'планерка'] },
  jobs: {
    standup: runStandupJob,
    summary: runSummaryJob,
    nudge: runNudgeJob,
    'standup.sync': runStandupSyncJob,
    'standup.post': runStandupPostJob,
    'standup.redraw': runStandupRedrawJob,
  },
  dueKinds: ['standup', 'summary', 'nudge'],
});
