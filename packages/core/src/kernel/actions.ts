import { joinedWhen } from '../standup/when-fields.ts';
import type { Command } from './command.ts';
import { Command as CommandSchema } from './command.ts';
import { fromAction, fromModal, ownsAction, ownsModal, tenantOfInteraction, validCommand } from './registry.ts';
import type { ModalId } from './reply.ts';

/**
 * Button ids and modal submissions ↔ commands, shared by both adapters so a button means the same
 * on Slack and Discord. Ids are `verb:arg:arg` and stay short (Discord custom_id ≤ 100).
 */
export const actionId = {
  /** `due` opens the Reschedule modal; `view` (`mine`, or `all:<word>`) names the list the button sits on. */
  task: (
    move: 'accept' | 'decline' | 'done' | 'handBack' | 'drop' | 'due' | 'reoffer',
    tenantId: string,
    communityId: string,
    taskId: string,
    view?: string,
  ) => `task:${move}:${tenantId}:${communityId}:${taskId}${view ? `:${view}` : ''}`,
  /** Answer (or Edit one's answer) and Skip today on a stand-up prompt. */
  standup: (verb: 'answer' | 'skip', tenantId: string, communityId: string, runId: string) =>
    `standup:${verb}:${tenantId}:${communityId}:${runId}`,
};

/** The tenant an offer button belongs to: Discord sends button clicks in DMs without a guild. */
export function tenantOfAction(id: string): string | undefined {
  if (ownsAction(id)) return tenantOfInteraction(id);
  const [verb, , tenantId] = id.split(':');
  const fromDm = ['task', 'standup'];
  return verb && fromDm.includes(verb) && tenantId ? tenantId : undefined;
}

/** Where a button was clicked: the message carrying it. */
export interface ActionSource {
  readonly channelId: string;
  readonly messageId?: string;
}

/** A clicked button → a command, or undefined when the id is not one of ours. */
export function commandForAction(id: string, source: ActionSource): Command | undefined {
  if (ownsAction(id)) return validCommand(fromAction(id, source)) as Command | undefined;
  const [verb, action, ...rest] = id.split(':');
  if (verb === 'task') {
    const [tenantId, communityId, taskId, view, word] = rest;
    const where = { tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}) };
    const opens: Readonly<Record<string, string>> = { due: 'task.due.open', decline: 'task.decline.open', reoffer: 'task.reoffer.open' };
    const type = action && Object.hasOwn(opens, action) ? opens[action] : 'task.move';
    const parsed = CommandSchema.safeParse(type === 'task.move' ? { type, move: action, ...where } : { type, ...where });
    return parsed.success ? parsed.data : undefined;
  }
  if (verb === 'standup') {
    const [tenantId, communityId, runId] = rest;
    const type = action === 'answer' ? 'standup.answer.open' : action === 'skip' ? 'standup.skip' : undefined;
    const parsed = type ? CommandSchema.safeParse({ type, tenantId, communityId, runId }) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }
  return undefined;
}

/** A submitted modal's values (and its state) → a command, or undefined when it is not one of ours. */
export function commandForModal(id: string, values: Readonly<Record<string, string>>, state = ''): Command | undefined {
  if (ownsModal(id)) return validCommand(fromModal(id, values, state)) as Command | undefined;
  const v = values;
  const modal = id as ModalId;
  let raw: unknown;
  if (modal === 'task.due') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    raw = { type: 'task.due.save', tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}), due: v.due };
  } else if (modal === 'task.reoffer') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    raw = { type: 'task.reoffer', tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}), userIds: v.who };
  } else if (modal === 'task.decline') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    const where = { tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}) };
    raw = { type: 'task.move', move: 'decline', ...where, ...(v.reason?.trim() ? { reason: v.reason } : {}) };
  } else if (modal === 'standup') {
    // Slack's day and time pickers come back as fields of their own, joined into the words `when` reads.
    const { at: _at, zone: _zone, window: _window, ...rest } = v;
    raw = { type: 'standup.save', ...(state ? { id: state } : {}), ...rest, ...(v.at !== undefined ? { when: joinedWhen(v) } : {}) };
  } else if (modal === 'standup.answer') {
    const [tenantId, communityId, runId] = state.split('|');
    raw = { type: 'standup.answer.save', tenantId, communityId, runId, answers: { ...v } };
  }
  const parsed = raw ? CommandSchema.safeParse(raw) : undefined;
  return parsed?.success ? parsed.data : undefined;
}
