/** An answer to an event: Going, Maybe, Can't go. */
export type Rsvp = 'going' | 'maybe' | 'cant';
export const rsvps = ['going', 'maybe', 'cant'] as const;

/** An event (`…#EVENT#<id>`) with its RSVPs; `version` guards every change to them. */
export interface CommunityEvent {
  readonly id: string;
  readonly communityId: string;
  readonly title: string;
  /** Start, epoch seconds. */
  readonly startsAt: number;
  readonly minutes: number;
  readonly place: string;
  readonly description: string;
  readonly capacity?: number;
  readonly campaignId?: string;
  readonly channelId: string;
  readonly messageId?: string;
  readonly going: readonly string[];
  readonly maybe: readonly string[];
  readonly cant: readonly string[];
  /** Who asked to go once it was full, in order: the first moves up when a place frees. */
  readonly waitlist: readonly string[];
  readonly attended: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly version: number;
}

export const eventLimits = { title: 100, place: 200, description: 1000, capacity: 10_000, minutes: 24 * 60 } as const;

/** What an answer did: where the person stands now, and who moved up from the waitlist. */
export interface RsvpOutcome {
  readonly event: CommunityEvent;
  readonly status: Rsvp | 'waitlisted';
  readonly promoted?: string;
  readonly changed: boolean;
  /** They had answered this event before (any answer). */
  readonly wasAnswered: boolean;
}

const without = (list: readonly string[], user: string) => list.filter((u) => u !== user);

/**
 * Applies one person's answer. Going takes a place while there is one, else a place on the waitlist;
 * leaving Going frees the place for the first on the waitlist. Pure: the store writes the result under
 * a condition on `version`, so concurrent answers never overfill an event.
 */
export function respond(event: CommunityEvent, user: string, choice: Rsvp): RsvpOutcome {
  const current: Rsvp | 'waitlisted' | undefined = event.going.includes(user)
    ? 'going'
    : event.waitlist.includes(user)
      ? 'waitlisted'
      : event.maybe.includes(user)
        ? 'maybe'
        : event.cant.includes(user)
          ? 'cant'
          : undefined;
  const wasAnswered = current !== undefined;
  if (current === choice || (choice === 'going' && current === 'waitlisted'))
    return { event, status: current, changed: false, wasAnswered };
  const base = {
    going: without(event.going, user),
    maybe: without(event.maybe, user),
    cant: without(event.cant, user),
    waitlist: without(event.waitlist, user),
  };
  let promoted: string | undefined;
  if (current === 'going' && base.waitlist.length > 0) {
    [promoted] = base.waitlist;
    base.going = [...base.going, promoted as string];
    base.waitlist = base.waitlist.slice(1);
  }
  let status: Rsvp | 'waitlisted' = choice;
  if (choice === 'going') {
    const full = event.capacity !== undefined && base.going.length >= event.capacity;
    if (full) {
      base.waitlist = [...base.waitlist, user];
      status = 'waitlisted';
    } else base.going = [...base.going, user];
  } else base[choice] = [...base[choice], user];
  return {
    event: { ...event, ...base, version: event.version + 1 },
    status,
    ...(promoted ? { promoted } : {}),
    changed: true,
    wasAnswered,
  };
}
