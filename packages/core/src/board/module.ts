import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type BoardCommand, boardCommands } from './commands.ts';
import { putUpBoard } from './handlers.ts';
import { boardJobs } from './job.ts';

/** `board off` (Slack's words; `выкл`, `стоп` in Russian); anything else after `board` puts it up. */
export const parseBoardArgs = (words: readonly string[]): unknown =>
  /^(off|stop|выкл|стоп|снять)$/i.test(words[0] ?? '') ? { type: 'board', action: 'off' } : { type: 'board' };

/**
 * The living board: the seven stages posted once in the home channel, pinned, and redrawn in place as
 * progress changes (see `hook.ts`). On Discord it is an action of `status` (`action:board`), since
 * `/community` has no free slot.
 */
export const boardFeature = feature<BoardCommand>({
  id: 'board',
  commands: boardCommands,
  handlers: { board: putUpBoard },
  words: { board: (rest) => parseBoardArgs(rest) },
  forms: {
    board: form('board', 'status action:board'),
    'board.off': form('board off', 'status action:board-off'),
  },
  help: [
    { form: 'board', group: 'community', leadersOnly: true },
    { form: 'board.off', group: 'community', leadersOnly: true },
  ],
  aliases: { board: ['доска'] },
  jobs: boardJobs,
});
