// zod/mini with named imports: tree-shaken to ~20 KB, where `import { z } from 'zod'` bundles all of
// zod (~450 KB, ~25 ms of every cold start).
import {
  _default,
  array,
  boolean,
  discriminatedUnion,
  int,
  literal,
  maxLength,
  number,
  object,
  enum as oneOf,
  optional,
  type output,
  record,
  string,
} from 'zod/mini';

import { id, personName, ref, text } from './fields.ts';

/** Story answers as submitted from a modal; lengths are checked by the use case to answer kindly. */
export const StoryAnswersInput = object({
  goal: optional(text),
  who: optional(text),
  how: optional(text),
  when: optional(text),
  vision: optional(text),
});

/**
 * The one internal vocabulary: every Slack and Discord input becomes one of these.
 * `*.open` asks for a modal; the matching submit carries its fields.
 */
export const Command = discriminatedUnion('type', [
  object({ type: literal('help') }),
  object({ type: literal('unknown'), input: string().check(maxLength(200)) }),
  object({
    type: literal('setup'),
    name: optional(text),
    goal: optional(text),
    /** The community's timezone, as typed in the setup modal (an IANA name or a city). */
    zone: optional(string().check(maxLength(100))),
    fromModal: _default(boolean(), false),
  }),
  /** The button after a typed `setup` (Discord sends no timezone): a small modal asking the community's zone. */
  object({ type: literal('tz.open') }),
  object({ type: literal('status') }),
  object({ type: literal('story.coach') }),
  object({ type: literal('story.open'), kind: _default(oneOf(['questions', 'self', 'us', 'now']), 'questions') }),
  object({ type: literal('story.save'), answers: StoryAnswersInput }),
  object({ type: literal('story.tell'), kind: oneOf(['self', 'us', 'now']), parts: record(string().check(maxLength(40)), text) }),
  object({
    type: literal('story.history'),
    kind: _default(oneOf(['questions', 'self', 'us', 'now', 'strategy']), 'questions'),
    version: optional(int()),
  }),
  object({ type: literal('story.share'), kind: oneOf(['self', 'us', 'now']) }),
  object({ type: literal('story.delete') }),
  object({ type: literal('story.needed'), count: optional(number()) }),
  object({ type: literal('story.reflect.open'), ref: ref, channelId: id, messageId: id }),
  object({
    type: literal('story.reflect.save'),
    ref: ref,
    channelId: id,
    messageId: id,
    stoodOut: optional(text),
    value: optional(text),
  }),
  object({ type: literal('roles') }),
  object({ type: literal('roles.adopt') }),
  /** The roles whose names contain what is typed so far (Discord autocomplete). */
  object({ type: literal('roles.suggest'), query: string().check(maxLength(100)) }),
  object({ type: literal('role.add'), name: optional(text) }),
  object({ type: literal('role.edit'), name: text }),
  object({ type: literal('role.remove'), name: text }),
  /** The role modal's submission; `id` is the role being edited, absent for a new one. */
  object({ type: literal('role.save'), id: optional(string().check(maxLength(40))), name: text, duties: text }),
  /** A leader offers someone a role (as its lead or a member); nothing is assigned until they accept. */
  object({
    type: literal('assign'),
    userId: optional(id),
    userName: optional(personName),
    role: optional(text),
    lead: _default(boolean(), false),
  }),
  object({ type: literal('unassign'), userId: optional(id), userName: optional(personName), role: optional(text) }),
  /** Buttons in the offer's direct message; they carry the tenant and community (a DM has neither). */
  object({ type: literal('offer.accept'), tenantId: id, communityId: id, offerId: id }),
  object({ type: literal('offer.decline.open'), tenantId: id, communityId: id, offerId: id }),
  object({ type: literal('offer.decline'), tenantId: id, communityId: id, offerId: id, reason: optional(text) }),
  /** The community's timezone, or with `me` the caller's own (stand-up DMs and reminders follow it). */
  object({ type: literal('tz'), zone: optional(string().check(maxLength(60))), me: _default(boolean(), false) }),
  /** Campaigns: a modal to create one, its arc's dates, the list, and one campaign's timeline. */
  object({ type: literal('campaign.new'), name: optional(string().check(maxLength(80))) }),
  object({ type: literal('campaign.save'), name: optional(text), goal: optional(text), end: optional(string().check(maxLength(100))) }),
  object({ type: literal('campaign.dates.open'), id: string().check(maxLength(40)) }),
  object({
    type: literal('campaign.dates.save'),
    id: string().check(maxLength(40)),
    previous: optional(string().check(maxLength(40))),
    starts: record(string().check(maxLength(20)), string().check(maxLength(20))),
  }),
  object({ type: literal('campaign.list') }),
  object({
    type: literal('campaign.milestone'),
    text: optional(text),
    due: optional(string().check(maxLength(100))),
    campaign: optional(string().check(maxLength(80))),
  }),
  object({ type: literal('campaign.show'), name: optional(string().check(maxLength(80))) }),
  /** Events: the modal (optionally for a campaign), its submission, RSVP buttons, the upcoming list, attendance. */
  object({ type: literal('event.new'), campaign: optional(string().check(maxLength(40))) }),
  object({
    type: literal('event.save'),
    title: optional(text),
    when: optional(string().check(maxLength(100))),
    place: optional(text),
    capacity: optional(string().check(maxLength(20))),
    description: optional(text),
    campaign: optional(string().check(maxLength(40))),
    /** Editing this event (absent: a new one). */
    eventId: optional(id),
    remind: optional(string().check(maxLength(100))),
    repeat: optional(string().check(maxLength(20))),
  }),
  object({ type: literal('event.rsvp'), choice: oneOf(['going', 'maybe', 'cant']), tenantId: id, communityId: id, eventId: id }),
  object({ type: literal('events') }),
  /** Events whose title holds what is being typed (Discord autocomplete of `event id:`). */
  object({ type: literal('events.suggest'), query: string().check(maxLength(100)) }),
  /** `eventId`: the event's id or words of its title. From the attendance picker, its community too (it opens from a DM). */
  object({
    type: literal('event.attended'),
    eventId: optional(string().check(maxLength(100))),
    userIds: array(id).check(maxLength(200)),
    tenantId: optional(id),
    communityId: optional(id),
  }),
  object({ type: literal('event.edit'), event: optional(string().check(maxLength(100))) }),
  object({ type: literal('event.cancel'), event: optional(string().check(maxLength(100))) }),
  object({ type: literal('event.cancel.confirm'), tenantId: id, communityId: id, eventId: id }),
  object({
    type: literal('event.repeat'),
    event: optional(string().check(maxLength(100))),
    every: optional(string().check(maxLength(20))),
  }),
  object({ type: literal('event.attendance.open'), tenantId: id, communityId: id, eventId: id }),
  object({
    type: literal('event.remind'),
    event: optional(string().check(maxLength(100))),
    remind: optional(string().check(maxLength(100))),
  }),
  /** Stage 7: a debrief (of an event, a campaign or in general), its next steps handed out as tasks, celebrations. */
  object({
    type: literal('debrief.open'),
    tenantId: optional(id),
    communityId: optional(id),
    subject: optional(string().check(maxLength(60))),
    name: optional(string().check(maxLength(80))),
  }),
  object({
    type: literal('debrief.save'),
    tenantId: optional(id),
    communityId: optional(id),
    subject: optional(string().check(maxLength(60))),
    worked: optional(text),
    didnt: optional(text),
    turnout: optional(text),
    learned: optional(text),
    next: optional(text),
  }),
  object({ type: literal('next') }),
  object({
    type: literal('next.assign'),
    ref: string().check(maxLength(20)),
    userId: optional(id),
    userName: optional(personName),
    due: optional(string().check(maxLength(100))),
  }),
  object({ type: literal('celebrate'), note: optional(text) }),
  /** Stage 2: one-on-ones (the modal for a partner, its submission), the list, the coordinator's target, shared values. */
  object({
    type: literal('oneonone.open'),
    userId: optional(id),
    userName: optional(personName),
    date: optional(string().check(maxLength(60))),
    share: _default(boolean(), false),
  }),
  object({
    type: literal('oneonone.save'),
    partnerId: optional(id),
    date: optional(string().check(maxLength(60))),
    share: _default(boolean(), false),
    values: optional(text),
    notes: optional(text),
    mine: optional(text),
    theirs: optional(text),
    followUp: optional(string().check(maxLength(100))),
  }),
  object({ type: literal('oneonones') }),
  object({ type: literal('oneonone.target'), count: optional(number()) }),
  object({ type: literal('values') }),
  /** Pairing rounds: `start [weeks]`, `stop`, `now` (leaders); `join`, `leave`, `snooze until <date>`, `status`. */
  object({
    type: literal('pair'),
    action: oneOf(['start', 'stop', 'now', 'join', 'leave', 'snooze', 'status']),
    weeks: optional(number()),
    newcomers: optional(boolean()),
    until: optional(string().check(maxLength(100))),
  }),
  /** A check-in button: `group` is `<round>.<index>`. */
  object({
    type: literal('pair.met'),
    answer: oneOf(['met', 'notyet', 'skip']),
    tenantId: id,
    communityId: id,
    group: string().check(maxLength(20)),
  }),
  /** Stage 5: the ladder of engagement and welcoming newcomers (`welcome` comes from a channel-join event). */
  object({ type: literal('ladder') }),
  object({ type: literal('ladder.open') }),
  object({ type: literal('ladder.save'), rungs: record(string().check(maxLength(20)), text) }),
  object({ type: literal('join') }),
  object({ type: literal('welcome'), userId: id }),
  /** A leader's "Offer a first task" on the note that someone joined: the task command filled in for them. */
  object({ type: literal('welcome.task'), tenantId: id, communityId: id, userId: id }),
  /** Its "Plan a one-on-one": the one-on-one form for the newcomer. */
  object({ type: literal('welcome.oneonone'), tenantId: id, communityId: id, userId: id }),
  /** A leader's export of all the community's data, as files in their direct messages. */
  object({ type: literal('export') }),
  object({ type: literal('erase.open') }),
  object({ type: literal('erase'), name: optional(text) }),
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
  /** `away until <date>` mutes the caller's prompts and reminders; `away off` ends it early. */
  object({ type: literal('away'), until: optional(string().check(maxLength(100))), off: _default(boolean(), false) }),
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
  /** The community's language, or with `me` the caller's own (`off`: follow the platform's again). */
  object({ type: literal('language'), locale: optional(string().check(maxLength(20))), me: _default(boolean(), false) }),
]);
export type Command = output<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
