import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type ReportCommand, reportCommands } from './commands.ts';
import { reportHandlers } from './handlers.ts';
import { runReportJob } from './job.ts';

/** `report dashboard` on Slack: the dashboard's link, as Discord's `report what:dashboard`. */
const DASHBOARD = /^(dashboard|панель|дашборд)$/iu;

/**
 * `report`: a leader's charts of where the community stands (the seven stages, the ladder as a funnel,
 * event turnout), drawn by the worker and posted in the home channel as PNGs with their numbers as text.
 */
export const reportFeature = feature<ReportCommand>({
  id: 'report',
  commands: reportCommands,
  handlers: reportHandlers,
  words: { report: (rest) => (DASHBOARD.test(rest[0] ?? '') ? { type: 'dashboard' } : { type: 'report' }) },
  // Discord's `/community` has no free entry for `dashboard` (25 at most): it is this option's other value.
  discord: [
    {
      name: 'report',
      description: 'cmd.report.description',
      options: [
        {
          name: 'what',
          kind: 'string',
          description: 'cmd.report.what.description',
          choices: [
            ['charts', 'charts'],
            ['dashboard', 'dashboard'],
          ],
        },
      ],
      parse: (option) => (option('what') === 'dashboard' ? { type: 'dashboard' } : { type: 'report' }),
    },
  ],
  forms: { report: form('report', 'report') },
  help: [{ form: 'report', group: 'community', leadersOnly: true }],
  aliases: { report: ['отчёт', 'отчет'] },
  jobs: { report: runReportJob },
});
