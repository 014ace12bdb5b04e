import { _default, boolean, literal, object, optional, type output } from 'zod/mini';
import { short } from '../kernel/fields.ts';

/** `away until <date>` mutes the caller's prompts and reminders; `away off` ends it early. */
export const membersCommands = [object({ type: literal('away'), until: optional(short(100)), off: _default(boolean(), false) })] as const;

export type MembersCommand = output<(typeof membersCommands)[number]>;
