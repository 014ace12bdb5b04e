import { boolean, literal, number, object, enum as oneOf, optional, type output } from 'zod/mini';
import { id, short } from '../kernel/fields.ts';

export const pairActions = ['start', 'stop', 'now', 'join', 'leave', 'snooze', 'status'] as const;
export const pairAnswers = ['met', 'notyet', 'skip'] as const;

/** Pairing rounds: `start [weeks]`, `stop`, `now` (leaders); `join`, `leave`, `snooze until <date>`, `status`; a check-in's answer. */
export const pairingCommands = [
  object({
    type: literal('pair'),
    action: oneOf(pairActions),
    weeks: optional(number()),
    newcomers: optional(boolean()),
    until: optional(short(100)),
  }),
  /** A check-in button: `group` is `<round>.<index>`. */
  object({
    type: literal('pair.met'),
    answer: oneOf(pairAnswers),
    tenantId: id,
    communityId: id,
    group: short(20),
  }),
] as const;

export type PairingCommand = output<(typeof pairingCommands)[number]>;
export type PairingCommandOf<T extends PairingCommand['type']> = Extract<PairingCommand, { type: T }>;
