// zod/mini with named imports: tree-shaken to ~20 KB, where `import { z } from 'zod'` bundles all of
// zod (~450 KB, ~25 ms of every cold start).
import {
  _default,
  boolean,
  discriminatedUnion,
  literal,
  maxLength,
  object,
  enum as oneOf,
  optional,
  type output,
  record,
  string,
} from 'zod/mini';

import { id, personName, text } from './fields.ts';

/**
 * The one internal vocabulary: every Slack and Discord input becomes one of these.
 * `*.open` asks for a modal; the matching submit carries its fields.
 */
export const Command = discriminatedUnion('type', [
  /** Stand-ups: `name` picks one when a community has several. */
  object({ type: literal('standup.set'), name: optional(string().check(maxLength(80))) }),
  /** The stand-up modal's submission; `id` is the stand-up being edited. */
  object({
    type: literal('standup.save'),
    id: optional(string().check(maxLength(40))),
    name: optional(text),
    when: optional(text),
    questions: optional(text),
    participants: optional(string().check(maxLength(20))),
    delivery: optional(string().check(maxLength(20))),
  }),
  object({ type: literal('standup.off'), name: optional(string().check(maxLength(80))) }),
  /** `standup nudge on|off [name]`: the reminder an hour before the summary to who has not answered. */
  object({ type: literal('standup.nudge'), name: optional(string().check(maxLength(80))), on: boolean() }),
  object({ type: literal('standup.now'), name: optional(string().check(maxLength(80))) }),
  object({ type: literal('standup.show') }),
  object({ type: literal('standup.join'), name: optional(string().check(maxLength(80))), joined: boolean() }),
  object({ type: literal('standup.holiday'), date: optional(string().check(maxLength(100))) }),
  object({ type: literal('standup.report'), from: optional(string().check(maxLength(60))), to: optional(string().check(maxLength(60))) }),
  /** Buttons on a prompt and on one's posted answer; they carry the tenant and community (prompts may be DMs). */
  object({ type: literal('standup.answer.open'), tenantId: id, communityId: id, runId: id }),
  object({
    type: literal('standup.answer.save'),
    tenantId: id,
    communityId: id,
    runId: id,
    answers: record(string().check(maxLength(40)), text),
  }),
  object({ type: literal('standup.skip'), tenantId: id, communityId: id, runId: id }),
  object({
    type: literal('task'),
    userId: optional(id),
    userName: optional(personName),
    what: optional(text),
    due: optional(string().check(maxLength(100))),
    campaign: optional(string().check(maxLength(80))),
  }),
  /** `word`: only tasks with a word of their title starting so. */
  object({
    type: literal('tasks'),
    filter: _default(oneOf(['mine', 'all', 'overdue']), 'all'),
    word: optional(string().check(maxLength(100))),
  }),
  /**
   * Buttons on a task's direct messages and on task lists; like offers they carry the tenant and community.
   * `view` (and `word`): the list the button sits on, redrawn in place after the move.
   */
  object({
    type: literal('task.move'),
    move: oneOf(['accept', 'decline', 'done', 'handBack', 'drop']),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
    /** Why it was declined (the Decline modal), told to the leader who asked and shown on their list. */
    reason: optional(text),
  }),
  /** Decline asks for a reason first (optional). */
  object({
    type: literal('task.decline.open'),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
  }),
  /** Offer to someone else: the leader who asked picks the next person for a declined or handed-back task. */
  object({
    type: literal('task.reoffer.open'),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
  }),
  /** `userIds`: the picked members, separated by spaces (one is expected). */
  object({
    type: literal('task.reoffer'),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
    userIds: optional(string().check(maxLength(2000))),
  }),
  /** Reschedule: the modal asking for a new due date, and its submission. */
  object({
    type: literal('task.due.open'),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
  }),
  object({
    type: literal('task.due.save'),
    tenantId: id,
    communityId: id,
    taskId: id,
    view: optional(oneOf(['mine', 'all', 'overdue'])),
    word: optional(string().check(maxLength(100))),
    due: optional(string().check(maxLength(100))),
  }),
  /** `done <words>`: the caller's task found by a word of its title (or its id, from a suggestion). */
  object({ type: literal('task.done'), query: optional(string().check(maxLength(300))) }),
  /** The caller's open tasks whose titles match what is typed so far (Discord autocomplete). */
  object({ type: literal('tasks.suggest'), query: string().check(maxLength(100)) }),
]);
export type Command = output<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
