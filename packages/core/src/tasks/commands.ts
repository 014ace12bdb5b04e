import { _default, literal, object, enum as oneOf, optional, type output } from 'zod/mini';
import { id, personName, short, text } from '../kernel/fields.ts';

/** The lists a task button can sit on (and redraw). */
export const taskViews = ['mine', 'all', 'overdue'] as const;

/**
 * What every task button (and its modal) carries: like offers, the tenant and community (a DM has
 * neither), the task, and `view` (and `word`): the list the button sits on, redrawn in place after it.
 */
const onTask = {
  tenantId: id,
  communityId: id,
  taskId: id,
  view: optional(oneOf(taskViews)),
  word: optional(short(100)),
};

/** Tasks: offered with consent, answered, rescheduled, offered anew, done; and the lists of them. */
export const tasksCommands = [
  object({
    type: literal('task'),
    userId: optional(id),
    userName: optional(personName),
    what: optional(text),
    due: optional(short(100)),
    campaign: optional(short(80)),
  }),
  /** `word`: only tasks with a word of their title starting so. */
  object({ type: literal('tasks'), filter: _default(oneOf(taskViews), 'all'), word: optional(short(100)) }),
  object({
    type: literal('task.move'),
    move: oneOf(['accept', 'decline', 'done', 'handBack', 'drop']),
    ...onTask,
    /** Why it was declined (the Decline modal), told to the leader who asked and shown on their list. */
    reason: optional(text),
  }),
  /** Decline asks for a reason first (optional). */
  object({ type: literal('task.decline.open'), ...onTask }),
  /** Offer to someone else: the leader who asked picks the next person for a declined or handed-back task. */
  object({ type: literal('task.reoffer.open'), ...onTask }),
  /** `userIds`: the picked members, separated by spaces (one is expected). */
  object({ type: literal('task.reoffer'), ...onTask, userIds: optional(short(2000)) }),
  /** Reschedule: the modal asking for a new due date, and its submission. */
  object({ type: literal('task.due.open'), ...onTask }),
  object({ type: literal('task.due.save'), ...onTask, due: optional(short(100)) }),
  /** `done <words>`: the caller's task found by a word of its title (or its id, from a suggestion). */
  object({ type: literal('task.done'), query: optional(short(300)) }),
  /** The caller's open tasks whose titles match what is typed so far (Discord autocomplete). */
  object({ type: literal('tasks.suggest'), query: short(100) }),
] as const;

export type TasksCommand = output<(typeof tasksCommands)[number]>;
/** One of the tasks feature's commands, by type. */
export type TaskCommandOf<T extends TasksCommand['type']> = Extract<TasksCommand, { type: T }>;
/** Where a task button (or its modal) points: the fields every one of them carries. */
export type OnTask = Pick<TaskCommandOf<'task.due.open'>, keyof typeof onTask>;
export type TaskView = (typeof taskViews)[number];
