import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';
import type { OnTask } from './commands.ts';
import { idWord, type TaskAction } from './model.ts';

/**
 * A task button's id: `task:<move>:<tenant>:<community>:<task>[:<view>[:<word>]]`. `due` opens the
 * Reschedule modal; `view` (`mine`, or `all:<word>`) names the list the button sits on. Posted messages
 * carry these ids: they never change.
 */
export const taskButtonId = (move: TaskAction, tenantId: string, communityId: string, taskId: string, view?: string): string =>
  `task:${move}:${tenantId}:${communityId}:${taskId}${view ? `:${view}` : ''}`;

/** A task modal's state, `<tenant>|<community>|<task>|<view>|<word>`: where the task lives and the list to redraw. */
export const taskModalState = (on: Pick<OnTask, 'tenantId' | 'communityId' | 'taskId' | 'view' | 'word'>): string =>
  [on.tenantId, on.communityId, on.taskId, on.view ?? '', on.word ? idWord(on.word) : ''].join('|').replace(/\|+$/, '');

/** The task an id's parts (or a modal's state) name, as a command's fields (left for the schema to check). */
function onTaskOf(parts: readonly (string | undefined)[]) {
  const [tenantId, communityId, taskId, view, word] = parts;
  return { tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}) };
}

/** The buttons that open a modal first; every other move is made at once. */
const opens: Readonly<Record<string, string>> = { due: 'task.due.open', decline: 'task.decline.open', reoffer: 'task.reoffer.open' };

/** Task buttons sit in direct messages (offers) and on lists: their ids carry the tenant. */
export const tasksActions: Readonly<Record<string, ActionSpec>> = {
  task: {
    fromDm: true,
    decode: (action, args) =>
      Object.hasOwn(opens, action) ? { type: opens[action], ...onTaskOf(args) } : { type: 'task.move', move: action, ...onTaskOf(args) },
  },
};

const state = (value: string) => onTaskOf(value.split('|'));

/** Decline (with a reason), offer to someone else, reschedule: opened from DMs too, their state starts with the tenant. */
export const tasksModals: Readonly<Record<string, ModalSpec>> = {
  'task.due': { fromDm: true, decode: (v, s) => ({ type: 'task.due.save', ...state(s), due: v.due }) },
  'task.reoffer': { fromDm: true, decode: (v, s) => ({ type: 'task.reoffer', ...state(s), userIds: v.who }) },
  'task.decline': {
    fromDm: true,
    decode: (v, s) => ({ type: 'task.move', move: 'decline', ...state(s), ...(v.reason?.trim() ? { reason: v.reason } : {}) }),
  },
};
