import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { LIST_BUDGET } from '../kernel/list-more.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, MessageReply } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { buttons, dueText } from './card.ts';
import type { TaskView } from './commands.ts';
import { actionsFor, idWord, isSettledBack, sortTasks, type Task, titleMatches } from './model.ts';

/** How many of a community's tasks a list (or `done`) reads. */
export const LIST_LIMIT = 100;

/** A list as its reader asked for it: whose tasks, and a word of their titles. */
export type ListView = { readonly filter: TaskView; readonly word?: string };

/** The list a button (or its modal) sits on, if any. */
export const viewOf = (cmd: { view?: TaskView | undefined; word?: string | undefined }): ListView | undefined =>
  cmd.view ? { filter: cmd.view, ...(cmd.word ? { word: cmd.word } : {}) } : undefined;

/** One task's line in a list, numbered so that its buttons (labelled with the same number) are found on Discord too. */
export function lineOf(locale: Locale, task: Task, n: number, nowSeconds: number): string {
  const overdue = task.due !== undefined && task.due.dueAt < nowSeconds;
  const icon = isSettledBack(task) ? '⚪' : overdue ? '🔴' : task.status === 'proposed' ? '⏳' : '🟢';
  const mark =
    task.status === 'proposed'
      ? t(locale, 'tasks.asked')
      : task.status === 'declined'
        ? task.reason
          ? t(locale, 'tasks.declinedWhy', { owner: task.ownerId, reason: clip(task.reason, 120) })
          : t(locale, 'tasks.declinedBy', { owner: task.ownerId })
        : task.status === 'handedBack'
          ? t(locale, 'tasks.handedBackBy', { owner: task.ownerId })
          : '';
  return `${n}. ${t(locale, 'tasks.line', { icon, title: task.title, owner: task.ownerId, due: `${dueText(locale, task)}${mark}` })}`;
}

/**
 * What a list shows its reader: open tasks (overdue first), and, to the leader who asked, the tasks
 * declined or handed back, until they drop them. `mine` is the reader's own open work only.
 */
function visible(tasks: readonly Task[], reader: string, view: ListView, nowSeconds: number): Task[] {
  const open = sortTasks(tasks, nowSeconds);
  const back = tasks
    .filter((task) => isSettledBack(task) && task.createdBy === reader)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const overdue = (task: Task) => task.due !== undefined && task.due.dueAt < nowSeconds;
  const listed =
    view.filter === 'mine'
      ? open.filter((task) => task.ownerId === reader)
      : view.filter === 'overdue'
        ? [...open, ...back].filter(overdue)
        : [...open, ...back];
  return view.word ? listed.filter((task) => titleMatches(task.title, view.word ?? '')) : listed;
}

/** Tasks with buttons in one list: Discord shows five rows of buttons, one row a task. */
const WITH_BUTTONS = 5;
const LINES_MAX = 30;

/**
 * A list's blocks: the header, then the tasks' lines, each task the reader can act on followed by its
 * buttons (the first five of them), within the list budget; what is left out is counted.
 */
export function listBlocks(
  locale: Locale,
  community: Community,
  reader: string,
  tasks: readonly Task[],
  view: ListView,
  nowSeconds: number,
): Block[] {
  const header = view.word
    ? t(locale, 'tasks.title.word', { word: clip(view.word.replace(/[`<>*]/g, ''), 60) })
    : t(locale, `tasks.title.${view.filter}`);
  const blocks: Block[] = [{ type: 'header', text: header }];
  if (tasks.length === 0) {
    blocks.push({
      type: 'text',
      text: view.word ? t(locale, 'tasks.empty.word', { word: clip(view.word.replace(/[`<>*]/g, ''), 60) }) : t(locale, 'tasks.empty'),
    });
    return blocks;
  }
  const word = view.word ? idWord(view.word) : '';
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length > 0) blocks.push({ type: 'text', text: chunk.join('\n') });
    chunk = [];
  };
  let used = 0;
  let shown = 0;
  let withButtons = 0;
  let withoutButtons = 0;
  for (const [i, task] of tasks.entries()) {
    const line = lineOf(locale, task, i + 1, nowSeconds);
    if (shown >= LINES_MAX || (shown > 0 && used + 1 + line.length > LIST_BUDGET)) break;
    used += (shown > 0 ? 1 : 0) + line.length;
    shown++;
    chunk.push(line);
    const moves = actionsFor(task, reader);
    if (moves.length === 0) continue;
    if (withButtons >= WITH_BUTTONS) {
      withoutButtons++;
      continue;
    }
    flush();
    blocks.push(buttons(locale, community, task, moves, { number: i + 1, view: view.filter, word }));
    withButtons++;
  }
  flush();
  if (shown < tasks.length)
    blocks.push({ type: 'text', text: tn(locale, 'list.more', tasks.length - shown, { how: t(locale, 'tasks.more.how') }).trim() });
  if (withoutButtons > 0) blocks.push({ type: 'context', text: tn(locale, 'tasks.more.buttons', withoutButtons) });
  return blocks;
}

/** A list as a reply; from a button or its modal (`note` set) it redraws the list in place, the note on top. */
export async function listReply(
  community: Community,
  locale: Locale,
  ctx: CommandContext,
  deps: Pick<CoreDeps, 'now' | 'tasks'>,
  view: ListView,
  redraw?: { note: string; changed?: Task },
): Promise<MessageReply> {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  // A change this command made is not in the table yet (it is committed with the reply): shown as made.
  const changed = redraw?.changed;
  const all = (await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT)).map((task) =>
    changed && task.id === changed.id ? changed : task,
  );
  const blocks = listBlocks(locale, community, ctx.userId, visible(all, ctx.userId, view, nowSeconds), view, nowSeconds);
  if (!redraw) return message('ephemeral', blocks);
  const [header, ...rest] = blocks as [Block, ...Block[]];
  return { ...message('ephemeral', [header, { type: 'context', text: redraw.note }, ...rest]), replace: true };
}
