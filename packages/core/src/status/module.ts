import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type StatusCommand, statusCommands } from './commands.ts';
import { showStatus } from './handlers.ts';

/** The community's progress through the seven stages. */
export const statusFeature = feature<StatusCommand>({
  id: 'status',
  commands: statusCommands,
  handlers: { status: showStatus },
  readOnly: ['status'],
  words: { status: () => ({ type: 'status' }) },
  discord: [{ name: 'status', description: 'cmd.status.description', parse: () => ({ type: 'status' }) }],
  forms: {
    status: form('status', 'status'),
  },
  help: [{ form: 'status', group: 'community', leadersOnly: false }],
  aliases: { status: ['статус', 'прогресс'] },
});
