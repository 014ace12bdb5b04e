import { _default, boolean, literal, number, object, optional, type output } from 'zod/mini';
import { id, personName, short, text } from '../kernel/fields.ts';

/** Stage 2: one-on-ones (the modal for a partner, its submission), the list, the coordinator's target, shared values. */
export const oneOnOneCommands = [
  object({
    type: literal('oneonone.open'),
    userId: optional(id),
    userName: optional(personName),
    date: optional(short(60)),
    share: _default(boolean(), false),
  }),
  object({
    type: literal('oneonone.save'),
    partnerId: optional(id),
    date: optional(short(60)),
    share: _default(boolean(), false),
    values: optional(text),
    notes: optional(text),
    mine: optional(text),
    theirs: optional(text),
    followUp: optional(short(100)),
  }),
  object({ type: literal('oneonones') }),
  object({ type: literal('oneonone.target'), count: optional(number()) }),
  object({ type: literal('values') }),
] as const;

export type OneOnOneCommand = output<(typeof oneOnOneCommands)[number]>;
export type OneOnOneCommandOf<T extends OneOnOneCommand['type']> = Extract<OneOnOneCommand, { type: T }>;
