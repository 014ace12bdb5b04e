import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type DashboardCommand, dashboardCommands } from './commands.ts';
import { dashboardHandlers } from './handlers.ts';

/**
 * `dashboard`: a leader's private link (24 hours) to a read-only web page of the community (the seven
 * stages, the report's charts, the campaign timeline, the decision log), served at `/dashboard/<token>`.
 * Discord's `/community` has no free entry (25), so there it is `report what:dashboard` (see report's
 * module); Slack has both `dashboard` and `report dashboard`.
 */
export const dashboardFeature = feature<DashboardCommand>({
  id: 'dashboard',
  commands: dashboardCommands,
  handlers: dashboardHandlers,
  words: { dashboard: () => ({ type: 'dashboard' }) },
  forms: { dashboard: form('dashboard', 'report what:dashboard') },
  help: [{ form: 'dashboard', group: 'community', leadersOnly: true }],
  aliases: { dashboard: ['панель', 'дашборд'] },
  // It changes nothing a repeat could double: the key is made by a conditional write, the link is derived.
  readOnly: ['dashboard'],
});
