import { enum as enum_, literal, object, optional, type output } from 'zod/mini';
import { short } from '../kernel/fields.ts';

/** One community in two places: a code to link another workspace or server, linking with it, unlinking. */
export const linkCommands = [
  object({ type: literal('link.invite') }),
  /** The code as typed (normalised by the handler, which answers a malformed one kindly). */
  object({ type: literal('link.join'), code: optional(short(200)) }),
  object({ type: literal('link.remove') }),
  /** One person on both platforms: no code gives one; a code (from the other platform) links; `dm` says where DMs go. */
  object({ type: literal('link.me'), code: optional(short(200)), dm: optional(enum_(['slack', 'discord'])) }),
] as const;

export type LinkCommand = output<(typeof linkCommands)[number]>;
export type LinkCommandOf<T extends LinkCommand['type']> = Extract<LinkCommand, { type: T }>;
