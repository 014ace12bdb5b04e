import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type ExpansionCommand, expansionCommands } from './commands.ts';
import { expansionHandlers } from './handlers.ts';
import { expansionActions, expansionModals } from './ids.ts';

/**
 * Stage 5: the ladder of engagement and welcoming newcomers. `welcome` has no words: the Slack adapter
 * builds it from a `member_joined_channel` event.
 */
export const expansionFeature = feature<ExpansionCommand>({
  id: 'expansion',
  commands: expansionCommands,
  handlers: expansionHandlers,
  readOnly: ['ladder', 'ladder.open'],
  words: {
    ladder: (_rest, args) => (args === 'edit' ? { type: 'ladder.open' } : { type: 'ladder' }),
    join: () => ({ type: 'join' }),
  },
  discord: [
    { name: 'ladder', description: 'cmd.ladder.description', parse: () => ({ type: 'ladder' }) },
    { name: 'join', description: 'cmd.join.description', parse: () => ({ type: 'join' }) },
  ],
  actions: expansionActions,
  modals: expansionModals,
  forms: {
    ladder: form('ladder', 'ladder'),
    'ladder.edit': form('ladder edit', 'ladder'),
    join: form('join', 'join'),
  },
  help: [
    { form: 'ladder', group: 'expansion', leadersOnly: false },
    { form: 'ladder.edit', group: 'expansion', leadersOnly: true },
    { form: 'join', group: 'expansion', leadersOnly: false },
  ],
  aliases: { ladder: ['лестница'], join: ['вступить'] },
});
