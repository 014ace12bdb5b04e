import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';
import type { Rsvp } from './model.ts';

/**
 * An event's buttons, encoded and decoded here: `event:<going|maybe|cant|cancel|attendance>:<tenant>:<community>:<event>`.
 * They name the tenant because the attendance button sits in a direct message (Discord sends its clicks without a guild).
 */
const eventAction = (verb: Rsvp | 'cancel' | 'attendance', tenantId: string, communityId: string, eventId: string) =>
  `event:${verb}:${tenantId}:${communityId}:${eventId}`;

/** Going, Maybe, Can't go on the event's card. */
export const rsvpId = (choice: Rsvp, tenantId: string, communityId: string, eventId: string) =>
  eventAction(choice, tenantId, communityId, eventId);
/** The confirmation of a cancel, under the question whether to cancel. */
export const cancelId = (tenantId: string, communityId: string, eventId: string) => eventAction('cancel', tenantId, communityId, eventId);
/** Opens the attendance picker, on the organizer's debrief prompt (a direct message). */
export const attendanceId = (tenantId: string, communityId: string, eventId: string) =>
  eventAction('attendance', tenantId, communityId, eventId);

export const eventActions: Readonly<Record<string, ActionSpec>> = {
  event: {
    fromDm: true,
    decode: (action, [tenantId, communityId, eventId]) => {
      const where = { tenantId, communityId, eventId };
      if (action === 'cancel') return { type: 'event.cancel.confirm', ...where };
      if (action === 'attendance') return { type: 'event.attendance.open', ...where };
      return { type: 'event.rsvp', choice: action, ...where };
    },
  },
};

/** The event modal's state: `edit|<event id>` when editing, else the campaign a new event belongs to (or nothing). */
export const editState = (eventId: string) => `edit|${eventId}`;
/** The attendance picker's state: `<tenant>|<community>|<event>` (it opens from a direct message). */
export const attendanceState = (tenantId: string, communityId: string, eventId: string) => `${tenantId}|${communityId}|${eventId}`;

export const eventModals: Readonly<Record<string, ModalSpec>> = {
  event: {
    decode: (v, state) => ({
      type: 'event.save',
      title: v.title,
      // Slack's date-time picker leaves the length to a field of its own; elsewhere it is typed into `when`.
      when: v.length?.trim() ? `${v.when ?? ''} ${v.length.trim()}` : v.when,
      place: v.place,
      capacity: v.capacity,
      description: v.description,
      remind: v.remind,
      repeat: v.repeat,
      ...(state.startsWith('edit|') ? { eventId: state.slice(5) } : state ? { campaign: state } : {}),
    }),
  },
  attendance: {
    fromDm: true,
    decode: (v, state) => {
      const [tenantId, communityId, eventId] = state.split('|');
      return {
        type: 'event.attended',
        tenantId,
        communityId,
        eventId,
        userIds: (v.people ?? '')
          .split(/[\s,]+/)
          .filter(Boolean)
          .slice(0, 200),
      };
    },
  },
};
