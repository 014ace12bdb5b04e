import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type HelpCommand, helpCommands } from './commands.ts';
import { helpHandlers } from './handlers.ts';

/** Everyday: `help` (and an empty `/community`); what is not understood is shown a short help too. */
export const helpFeature = feature<HelpCommand>({
  id: 'help',
  commands: helpCommands,
  handlers: helpHandlers,
  readOnly: ['help', 'unknown'],
  words: { '': () => ({ type: 'help' }), help: () => ({ type: 'help' }) },
  discord: [{ name: 'help', description: 'cmd.help.description', parse: () => ({ type: 'help' }) }],
  forms: { help: form('help', 'help') },
  help: [{ form: 'help', group: 'everyday', leadersOnly: false }],
  aliases: { help: ['помощь', 'справка'] },
});
