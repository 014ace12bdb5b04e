import { array, boolean, literal, maxLength, object, enum as oneOf, optional, type output } from 'zod/mini';
import { id, short, text } from '../kernel/fields.ts';

/** An event named by its id or words of its title. */
const named = optional(short(100));

/** Events: the modal (optionally for a campaign), its submission, RSVP buttons, the upcoming list, attendance. */
export const eventCommands = [
  object({ type: literal('event.new'), campaign: optional(short(40)) }),
  object({
    type: literal('event.save'),
    title: optional(text),
    when: optional(short(100)),
    place: optional(text),
    capacity: optional(short(20)),
    description: optional(text),
    campaign: optional(short(40)),
    /** Editing this event (absent: a new one). */
    eventId: optional(id),
    remind: optional(short(100)),
    repeat: optional(short(20)),
  }),
  object({ type: literal('event.rsvp'), choice: oneOf(['going', 'maybe', 'cant']), tenantId: id, communityId: id, eventId: id }),
  object({ type: literal('events') }),
  /** Events whose title holds what is being typed (Discord autocomplete of `event id:`). */
  object({ type: literal('events.suggest'), query: short(100) }),
  /** `eventId`: the event's id or words of its title. From the attendance picker, its community too (it opens from a DM). */
  object({
    type: literal('event.attended'),
    eventId: named,
    userIds: array(id).check(maxLength(200)),
    tenantId: optional(id),
    communityId: optional(id),
  }),
  object({ type: literal('event.edit'), event: named }),
  object({ type: literal('event.cancel'), event: named }),
  object({ type: literal('event.cancel.confirm'), tenantId: id, communityId: id, eventId: id }),
  object({ type: literal('event.repeat'), event: named, every: optional(short(20)) }),
  object({ type: literal('event.attendance.open'), tenantId: id, communityId: id, eventId: id }),
  object({ type: literal('event.remind'), event: named, remind: optional(short(100)) }),
  /** Keeping the community's events as the Discord server's own events too (on), or no more (off). */
  object({ type: literal('event.server'), on: boolean() }),
] as const;

export type EventCommand = output<(typeof eventCommands)[number]>;
/** One event command, by its type. */
export type EventCommandOf<T extends EventCommand['type']> = Extract<EventCommand, { type: T }>;
