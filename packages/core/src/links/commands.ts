import { literal, object, optional, type output } from 'zod/mini';
import { short } from '../kernel/fields.ts';

/** One community in two places: a code to link another workspace or server, linking with it, unlinking. */
export const linkCommands = [
  object({ type: literal('link.invite') }),
  /** The code as typed (normalised by the handler, which answers a malformed one kindly). */
  object({ type: literal('link.join'), code: optional(short(200)) }),
  object({ type: literal('link.remove') }),
] as const;

export type LinkCommand = output<(typeof linkCommands)[number]>;
export type LinkCommandOf<T extends LinkCommand['type']> = Extract<LinkCommand, { type: T }>;
