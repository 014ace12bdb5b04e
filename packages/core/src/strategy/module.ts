import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type StrategyCommand, strategyCommands } from './commands.ts';
import { strategyHandlers } from './handlers.ts';
import { strategyActions, strategyModals } from './ids.ts';

/** `strategy`, `strategy edit`, `strategy history [n]` (Slack's words, and Discord's options as the same words). */
export function strategyFromWords(words: readonly (string | undefined)[]): unknown {
  const [verb = '', number] = words;
  if (/^(edit|write|изменить)$/i.test(verb)) return { type: 'strategy.open' };
  if (/^(history|история)$/i.test(verb))
    return { type: 'story.history', kind: 'strategy', ...(number && /^\d{1,6}$/.test(number) ? { version: Number(number) } : {}) };
  return { type: 'strategy' };
}

/** Stage 4: the strategy, written by leaders, versioned, read by everyone. */
export const strategyFeature = feature<StrategyCommand>({
  id: 'strategy',
  commands: strategyCommands,
  handlers: strategyHandlers,
  readOnly: ['strategy', 'strategy.open'],
  words: { strategy: (rest) => strategyFromWords(rest) },
  discord: [
    {
      name: 'strategy',
      description: 'cmd.strategy.description',
      options: [
        { name: 'action', kind: 'string', description: 'cmd.strategy.action.description', choices: ['show', 'edit', 'history'] },
        { name: 'number', kind: 'integer', description: 'cmd.strategy.number.description', min: 1 },
      ],
      parse: (option) => strategyFromWords([option('action'), option('number')].filter((v) => v !== undefined).map(String)),
    },
  ],
  actions: strategyActions,
  modals: strategyModals,
  forms: {
    strategy: form('strategy', 'strategy'),
    'strategy.edit': form('strategy edit', 'strategy action:edit'),
    'strategy.history': form('strategy history', 'strategy action:history'),
  },
  help: [
    { form: 'strategy', group: 'strategy', leadersOnly: false },
    { form: 'strategy.edit', group: 'strategy', leadersOnly: true },
    { form: 'strategy.history', group: 'strategy', leadersOnly: false },
  ],
  aliases: { strategy: ['стратегия'] },
});
