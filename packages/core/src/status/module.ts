import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { clip } from '../kernel/text.ts';
import { type StatusCommand, statusCommands } from './commands.ts';
import { showStatus } from './handlers.ts';
import { markStage, REASON_MAX } from './stage.ts';

/** `stage done <n> [reason]`, `stage undo <n>` (Slack's words; Discord's options read the same way). */
export function parseStageArgs(words: readonly string[]): unknown {
  const [verb = '', number, ...reason] = words;
  const action = /^(done|готово)$/i.test(verb) ? 'done' : /^(undo|отменить)$/i.test(verb) ? 'undo' : undefined;
  if (!action) return { type: 'unknown', input: clip(`stage ${verb}`.trim(), 200, '') };
  const why = reason.join(' ').trim();
  return { type: 'stage.mark', action, ...(number ? { number: clip(number, 20, '') } : {}), ...(why ? { reason: why } : {}) };
}

/** The community's progress through the seven stages, and leaders' marks on them. */
export const statusFeature = feature<StatusCommand>({
  id: 'status',
  commands: statusCommands,
  handlers: { status: showStatus, 'stage.mark': markStage },
  readOnly: ['status'],
  words: { status: () => ({ type: 'status' }), stage: (rest) => parseStageArgs(rest) },
  discord: [
    {
      // Discord allows 25 subcommands and `/community` has them all: marking a stage is status's options.
      name: 'status',
      description: 'cmd.status.description',
      options: [
        { name: 'action', kind: 'string', description: 'cmd.status.action.description', choices: ['done', 'undo', 'board', 'board-off'] },
        { name: 'number', kind: 'integer', description: 'cmd.status.number.description', min: 1, max: 7 },
        { name: 'reason', kind: 'string', description: 'cmd.status.reason.description', maxLength: REASON_MAX },
      ],
      parse: (option) => {
        const action = option('action');
        if (action === undefined) return { type: 'status' };
        // The living board shares status's slot (see `board/module.ts`).
        if (action === 'board' || action === 'board-off') return action === 'board' ? { type: 'board' } : { type: 'board', action: 'off' };
        const number = option('number');
        const reason = option('reason');
        return parseStageArgs([
          String(action),
          number === undefined ? '' : String(number),
          ...(reason === undefined ? [] : [String(reason)]),
        ]);
      },
    },
  ],
  forms: {
    status: form('status', 'status'),
    'stage.done': form('stage done $1 · $2', 'status action:done number:$1 · reason:$2'),
    'stage.undo': form('stage undo $1', 'status action:undo number:$1'),
  },
  help: [
    { form: 'status', group: 'community', leadersOnly: false },
    { form: 'stage.done', group: 'community', leadersOnly: true },
    { form: 'stage.undo', group: 'community', leadersOnly: true },
  ],
  aliases: { status: ['статус', 'прогресс'], stage: ['этап'] },
});
