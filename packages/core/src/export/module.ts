import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type ExportCommand, exportCommands } from './commands.ts';
import { exportHandlers } from './handlers.ts';

/**
 * A leader's export of everything the community has, as files in their direct messages. Its `export` work
 * is run by the worker through `runExportRequest` (an export job names the leader, not a due item, so it is
 * not one of the features' due-work runners).
 */
export const exportFeature = feature<ExportCommand>({
  id: 'export',
  commands: exportCommands,
  handlers: exportHandlers,
  words: { export: () => ({ type: 'export' }) },
  // Registered in the `data` group with erase (see community/module.ts); still understood from older registrations.
  discord: [{ name: 'export', description: 'cmd.export.description', unlisted: true, parse: () => ({ type: 'export' }) }],
  forms: { export: form('export', 'data export') },
  help: [{ form: 'export', group: 'community', leadersOnly: true }],
  aliases: { export: ['экспорт'] },
});
