import { _default, boolean, literal, object, optional, type output } from 'zod/mini';
import { short } from '../kernel/fields.ts';

/** The community's timezone, or with `me` the caller's own (stand-up DMs and reminders follow it). */
export const timezoneCommands = [object({ type: literal('tz'), zone: optional(short(60)), me: _default(boolean(), false) })] as const;

export type TimezoneCommand = output<(typeof timezoneCommands)[number]>;
