import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type PairingCommand, pairingCommands } from './commands.ts';
import { runPairCheckinJob, runPairIntroJob } from './groups.ts';
import { pairingHandlers } from './handlers.ts';
import { pairingActions } from './ids.ts';
import { logPairingMeeting, runPairingJob, runPairingRound } from './job.ts';
import { pairFromOptions, parsePairArgs } from './parse.ts';

/** Stage 2: pairing rounds that introduce members to each other every few weeks, and the check-in a week later. */
export const pairingFeature = feature<PairingCommand>({
  id: 'pairing',
  commands: pairingCommands,
  handlers: pairingHandlers,
  words: { pair: (rest) => parsePairArgs(rest) },
  discord: [
    {
      name: 'pair',
      description: 'cmd.pair.description',
      options: [
        {
          name: 'action',
          kind: 'string',
          description: 'cmd.pair.action.description',
          required: true,
          choices: ['status', 'join', 'leave', 'snooze', 'start', 'stop', 'now'],
        },
        { name: 'weeks', kind: 'integer', description: 'cmd.pair.weeks.description', min: 1, max: 12 },
        { name: 'newcomers', kind: 'boolean', description: 'cmd.pair.newcomers.description' },
        { name: 'until', kind: 'string', description: 'cmd.pair.until.description', maxLength: 60 },
      ],
      parse: pairFromOptions,
    },
  ],
  actions: pairingActions,
  forms: {
    'pair.join': form('pair join', 'pair action:join'),
    'pair.leave': form('pair leave', 'pair action:leave'),
    'pair.snooze': form('pair snooze until $1', 'pair action:snooze until:$1'),
    'pair.status': form('pair status', 'pair action:status'),
    'pair.start': form('pair start · $1', 'pair action:start · weeks:$1'),
    'pair.stop': form('pair stop', 'pair action:stop'),
    'pair.now': form('pair now', 'pair action:now'),
  },
  help: [
    { form: 'pair.join', group: 'relationships', leadersOnly: false },
    { form: 'pair.snooze', group: 'relationships', leadersOnly: false },
    { form: 'pair.leave', group: 'relationships', leadersOnly: false },
    { form: 'pair.status', group: 'relationships', leadersOnly: false },
    { form: 'pair.start', group: 'relationships', leadersOnly: true },
    { form: 'pair.stop', group: 'relationships', leadersOnly: true },
  ],
  aliases: { pair: ['пары'] },
  jobs: {
    pair: runPairingJob,
    'pair.round': (_job, community, deps) => runPairingRound(community, deps),
    'pair.met': logPairingMeeting,
    'pair.intro': runPairIntroJob,
    'pair.checkin': runPairCheckinJob,
  },
  dueKinds: ['pair'],
});
