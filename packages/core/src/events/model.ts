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
  /** Reminders chosen for it; absent: {@link defaultReminders}. */
  readonly remind?: readonly RemindAt[];
  readonly repeat?: Repeat;
  /** The first occurrence's id, shared by every occurrence of a repeating event, and this one's number in it. */
  readonly series?: string;
  readonly occurrence?: number;
  /** When a leader cancelled it: no answers, reminders or debrief any more, and it no longer counts. */
  readonly cancelledAt?: string;
  /** Its event in the Discord server's Events tab (communities that keep them), and a digest of what it was last sent. */
  readonly scheduled?: { readonly id: string; readonly sent: string };
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

/** How often an event comes back: its next occurrence is created when one ends. */
export const repeats = ['weekly', 'biweekly', 'monthly'] as const;
export type Repeat = (typeof repeats)[number];

/** When those going are reminded, before the start; `[]` is no reminders. */
export const reminderChoices = ['week', 'day', '3h', 'hour'] as const;
export type RemindAt = (typeof reminderChoices)[number];
export const reminderSeconds: Record<RemindAt, number> = { week: 7 * 24 * 3600, day: 24 * 3600, '3h': 3 * 3600, hour: 3600 };
/** Events made before reminders could be chosen keep these: the day before and an hour before. */
export const defaultReminders: readonly RemindAt[] = ['day', 'hour'];

/** The due item's name of a reminder (`day` keeps the name its first items were planned under). */
export const reminderRef = (at: RemindAt) => (at === 'day' ? 'dayBefore' : at);
export const reminderOfRef = (ref: string): RemindAt | undefined =>
  ref === 'dayBefore' ? 'day' : (reminderChoices as readonly string[]).includes(ref) && ref !== 'day' ? (ref as RemindAt) : undefined;

/** The reminders an event sends, longest before first. */
export const remindersOf = (event: CommunityEvent): readonly RemindAt[] =>
  reminderChoices.filter((at) => (event.remind ?? defaultReminders).includes(at));

/**
 * The start of the occurrence after this one, at the same local time in the community's zone (so a
 * weekly 18:00 stays 18:00 across a clock change); past `notBefore` (seconds), skipping those missed.
 */
export async function nextStart(event: CommunityEvent, zone: string, notBefore: number): Promise<{ startsAt: number; skipped: number }> {
  const { DateTime } = await import('luxon');
  const weeks = event.repeat === 'biweekly' ? 2 : 1;
  const first = DateTime.fromSeconds(event.startsAt, { zone });
  for (let n = 1; n < 1000; n++) {
    const start = event.repeat === 'monthly' ? first.plus({ months: n }) : first.plus({ weeks: n * weeks });
    if (start.toSeconds() + event.minutes * 60 > notBefore) return { startsAt: Math.floor(start.toSeconds()), skipped: n - 1 };
  }
  throw new Error(`event ${event.id}: no next occurrence`);
}

/** The occurrence after `event` (its id follows from the series, so creating it twice creates it once). */
export function nextOccurrence(event: CommunityEvent, startsAt: number, skipped: number, createdAt: string): CommunityEvent {
  const series = event.series ?? event.id;
  const occurrence = (event.occurrence ?? 1) + 1 + skipped;
  const { messageId: _m, cancelledAt: _c, scheduled: _s, ...kept } = event;
  return {
    ...kept,
    id: `${series}-${occurrence}`,
    series,
    occurrence,
    startsAt,
    going: [],
    maybe: [],
    cant: [],
    waitlist: [],
    attended: [],
    createdAt,
    version: 0,
  };
}

/**
 * A new number of places: raising it moves the first on the waitlist up into the new places; lowering it
 * takes nobody's place away (those already going stay going, newcomers wait).
 */
export function withCapacity(event: CommunityEvent, capacity: number | undefined): { event: CommunityEvent; promoted: string[] } {
  const free = capacity === undefined ? event.waitlist.length : Math.max(0, capacity - event.going.length);
  const promoted = event.waitlist.slice(0, free);
  const { capacity: _old, ...rest } = event;
  return {
    event: {
      ...rest,
      ...(capacity !== undefined ? { capacity } : {}),
      going: [...event.going, ...promoted],
      waitlist: event.waitlist.slice(promoted.length),
    },
    promoted,
  };
}

const words = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The events a user means by what they typed: its id, else the events whose title holds each typed word
 * (whole words or their beginnings, any case). Occurrences of one repeating event share a title: `prefer`
 * picks one of them, the next to come or the last started.
 */
export function findEvents(
  events: readonly CommunityEvent[],
  query: string,
  nowSeconds: number,
  prefer: 'upcoming' | 'started',
): CommunityEvent[] {
  const q = query.trim();
  const byId = events.find((e) => e.id === q);
  if (byId) return [byId];
  const typed = words(q);
  if (typed.length === 0) return [];
  const live = events.filter((e) => !e.cancelledAt);
  const matches = live.filter((e) => {
    const title = words(e.title);
    return typed.every((w) => title.some((t) => t.startsWith(w)));
  });
  const exact = matches.filter((e) => e.title.toLocaleLowerCase() === q.toLocaleLowerCase());
  const found = exact.length > 0 ? exact : matches;
  const titles = new Set(found.map((e) => e.title.toLocaleLowerCase()));
  if (titles.size !== 1 || found.length === 1) return found;
  const chosen =
    prefer === 'upcoming'
      ? found.filter((e) => e.startsAt + e.minutes * 60 >= nowSeconds).sort((a, b) => a.startsAt - b.startsAt)[0]
      : found.filter((e) => e.startsAt <= nowSeconds).sort((a, b) => b.startsAt - a.startsAt)[0];
  return chosen ? [chosen] : found;
}
