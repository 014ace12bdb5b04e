import { boolean, literal, object, optional, type output, record } from 'zod/mini';
import { id, short, text } from '../kernel/fields.ts';

/** A stand-up's name as typed: `name` picks one when a community has several. */
const name = optional(short(80));
/** A run a button or modal names: the tenant and community travel with it (prompts may be direct messages). */
const run = { tenantId: id, communityId: id, runId: id };

/** Stage 3's team rhythm: stand-ups scheduled by leaders, joined and answered by anyone. */
export const standupCommands = [
  object({ type: literal('standup.set'), name }),
  /** The stand-up modal's submission; `id` is the stand-up being edited. */
  object({
    type: literal('standup.save'),
    id: optional(short(40)),
    name: optional(text),
    when: optional(text),
    questions: optional(text),
    participants: optional(short(20)),
    delivery: optional(short(20)),
  }),
  object({ type: literal('standup.off'), name }),
  /** `standup nudge on|off [name]`: the reminder an hour before the summary to who has not answered. */
  object({ type: literal('standup.nudge'), name, on: boolean() }),
  object({ type: literal('standup.now'), name }),
  object({ type: literal('standup.show') }),
  object({ type: literal('standup.join'), name, joined: boolean() }),
  object({ type: literal('standup.holiday'), date: optional(short(100)) }),
  object({ type: literal('standup.report'), from: optional(short(60)), to: optional(short(60)) }),
  /** Buttons on a prompt and on one's posted answer. */
  object({ type: literal('standup.answer.open'), ...run }),
  object({ type: literal('standup.answer.save'), ...run, answers: record(short(40), text) }),
  object({ type: literal('standup.skip'), ...run }),
] as const;

export type StandupCommand = output<(typeof standupCommands)[number]>;
/** One stand-up command, by its type. */
export type StandupCommandOf<T extends StandupCommand['type']> = Extract<StandupCommand, { type: T }>;
