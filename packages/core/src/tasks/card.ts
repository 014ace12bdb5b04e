import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block, Button } from '../kernel/reply.ts';
import type { TaskView } from './commands.ts';
import { taskButtonId } from './ids.ts';
import type { Task, TaskAction } from './model.ts';

/** A date every viewer sees in their own calendar (Discord `<t:…:D>`; Slack renders it as `<!date^…>`). */
export const dueText = (locale: Locale, task: Pick<Task, 'due'>) =>
  // A due just read with a time ("friday 17:00") is echoed with it; stored dues carry the day and the deadline.
  task.due ? t(locale, 'task.due', { date: `<t:${task.due.dueAt}:${'time' in task.due && task.due.time ? 'f' : 'D'}>` }) : '';

const labels = {
  accept: 'task.accept',
  decline: 'task.decline',
  done: 'task.done',
  handBack: 'task.handBack',
  due: 'task.reschedule',
  reoffer: 'task.reoffer',
  drop: 'task.drop',
} as const satisfies Record<TaskAction, string>;
/** Button ids stay within Discord's 100 characters: a list's filter word is left out of them when it would not fit. */
const ID_MAX = 100;

/**
 * A task's buttons. On a list (`on`), each id names the list to redraw, and the first label carries the
 * task's number in the list (Discord shows all buttons under the text).
 */
export function buttons(
  locale: Locale,
  community: Community,
  task: Task,
  moves: readonly TaskAction[],
  on?: { number: number; view: TaskView; word: string },
): Block {
  const list: Button[] = moves.map((move, i) => {
    const withWord = on?.word ? taskButtonId(move, community.tenant.id, community.id, task.id, `${on.view}:${on.word}`) : undefined;
    const id = withWord && withWord.length <= ID_MAX ? withWord : taskButtonId(move, community.tenant.id, community.id, task.id, on?.view);
    const label = t(locale, labels[move]);
    return {
      id,
      label: on && i === 0 ? `${on.number}. ${label}` : label,
      ...(move === 'accept' || move === 'done' ? { primary: true } : {}),
    };
  });
  return { type: 'actions', buttons: list };
}
