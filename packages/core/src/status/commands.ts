import { literal, object, enum as oneOf, optional, type output } from 'zod/mini';
import { short, text } from '../kernel/fields.ts';

/** `status`, and a leader's explicit mark on a stage (`stage done <n> [reason]`, `stage undo <n>`). */
export const statusCommands = [
  object({ type: literal('status') }),
  /** `number` as typed: the use case reads it, so a wrong one is answered kindly rather than with help. */
  object({ type: literal('stage.mark'), action: oneOf(['done', 'undo']), number: optional(short(20)), reason: optional(text) }),
] as const;

export type StatusCommand = output<(typeof statusCommands)[number]>;
