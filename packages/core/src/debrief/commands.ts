import { literal, object, optional, type output } from 'zod/mini';
import { id, personName, short, text } from '../kernel/fields.ts';

/** Stage 7: a debrief (of an event, a campaign or in general), its next steps handed out as tasks, celebrations. */
export const debriefCommands = [
  /** The debrief modal; a button in a DM names the tenant, the community and the subject (`event.<id>`, `campaign.<id>`). */
  object({
    type: literal('debrief.open'),
    tenantId: optional(id),
    communityId: optional(id),
    subject: optional(short(60)),
    /** A campaign's name, as typed. */
    name: optional(short(80)),
  }),
  object({
    type: literal('debrief.save'),
    tenantId: optional(id),
    communityId: optional(id),
    subject: optional(short(60)),
    worked: optional(text),
    didnt: optional(text),
    turnout: optional(text),
    learned: optional(text),
    next: optional(text),
  }),
  object({ type: literal('next') }),
  object({
    type: literal('next.assign'),
    ref: short(20),
    userId: optional(id),
    userName: optional(personName),
    due: optional(short(100)),
  }),
  object({ type: literal('celebrate'), note: optional(text) }),
] as const;

export type DebriefCommand = output<(typeof debriefCommands)[number]>;
