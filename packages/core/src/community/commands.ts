import { _default, boolean, literal, object, optional, type output } from 'zod/mini';
import { short, text } from '../kernel/fields.ts';

/** The community itself: set it up (and its timezone), erase it, choose its language or one's own. */
export const communityCommands = [
  object({
    type: literal('setup'),
    name: optional(text),
    goal: optional(text),
    /** The community's timezone, as typed in the setup modal (an IANA name or a city). */
    zone: optional(short(100)),
    fromModal: _default(boolean(), false),
  }),
  /** The button after a typed `setup` (Discord sends no timezone): a small modal asking the community's zone. */
  object({ type: literal('tz.open') }),
  object({ type: literal('erase.open') }),
  object({ type: literal('erase'), name: optional(text) }),
  /** The community's language, or with `me` the caller's own (`off`: follow the platform's again). */
  object({ type: literal('language'), locale: optional(short(20)), me: _default(boolean(), false) }),
] as const;

export type CommunityCommand = output<(typeof communityCommands)[number]>;

/** One of the community's commands, by type. */
export type CommunityCommandOf<T extends CommunityCommand['type']> = Extract<CommunityCommand, { type: T }>;
