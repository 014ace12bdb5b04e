import { literal, object, type output, record } from 'zod/mini';
import { id, short, text } from '../kernel/fields.ts';

/** Stage 5: the ladder of engagement and welcoming newcomers (`welcome` comes from a channel-join event). */
export const expansionCommands = [
  object({ type: literal('ladder') }),
  object({ type: literal('ladder.open') }),
  object({ type: literal('ladder.save'), rungs: record(short(20), text) }),
  object({ type: literal('join') }),
  object({ type: literal('welcome'), userId: id }),
  /** A leader's "Offer a first task" on the note that someone joined: the task command filled in for them. */
  object({ type: literal('welcome.task'), tenantId: id, communityId: id, userId: id }),
  /** Its "Plan a one-on-one": the one-on-one form for the newcomer. */
  object({ type: literal('welcome.oneonone'), tenantId: id, communityId: id, userId: id }),
] as const;

export type ExpansionCommand = output<(typeof expansionCommands)[number]>;
