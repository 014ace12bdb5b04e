import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type ReportCommand, reportCommands } from './commands.ts';
import { reportHandlers } from './handlers.ts';
import { runReportJob } from './job.ts';

/**
 * `report`: a leader's charts of where the community stands (the seven stages, the ladder as a funnel,
 * event turnout), drawn by the worker and posted in the home channel as PNGs with their numbers as text.
 */
export const reportFeature = feature<ReportCommand>({
  id: 'report',
  commands: reportCommands,
  handlers: reportHandlers,
  words: { report: () => ({ type: 'report' }) },
  discord: [{ name: 'report', description: 'cmd.report.description', parse: () => ({ type: 'report' }) }],
  forms: { report: form('report', 'report') },
  help: [{ form: 'report', group: 'community', leadersOnly: true }],
  aliases: { report: ['отчёт', 'отчет'] },
  jobs: { report: runReportJob },
});
