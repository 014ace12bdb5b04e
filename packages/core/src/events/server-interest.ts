import type { Community } from '../community/model.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { type CommunityEvent, respond } from './model.ts';
import { keepsServerEvents } from './server-sync.ts';

const answered = (event: CommunityEvent, user: string) =>
  [event.going, event.maybe, event.cant, event.waitlist].some((list) => list.includes(user));

/**
 * Counts those who marked the event's server twin Interested (Discord's only answer, which its Events tab
 * counts as the attendees) as Going, like a press of Going: a place while there is one, else the waitlist.
 * Anyone who already answered in Organizer keeps their answer, and nobody is ever taken off. Run when the
 * card is redrawn and before reminders go out; the newest version is saved under its condition, as RSVPs
 * are. Best effort: when Discord cannot be asked, the event stays as it is (the next redraw asks again).
 * Returns the event as it is now.
 */
export async function mergeInterested(event: CommunityEvent, community: Community, deps: CoreDeps): Promise<CommunityEvent> {
  const port = deps.messenger.scheduledEvents;
  const nowSeconds = deps.now().getTime() / 1000;
  if (!port || !keepsServerEvents(community) || !event.scheduled || event.cancelledAt) return event;
  if (event.startsAt + event.minutes * 60 <= nowSeconds) return event;
  const interested = await port.interested(community.tenant, event.scheduled.id).catch((error: unknown) => {
    deps.log?.warn('server event interest not read', { event: event.id, error: String(error) });
    return 'gone' as const;
  });
  if (typeof interested === 'string') return event;
  let current: CommunityEvent | undefined = event;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    const base: CommunityEvent = current;
    const fresh = [...new Set(interested)].filter((user) => !answered(base, user));
    if (fresh.length === 0) return base;
    const merged = fresh.reduce((e, user) => respond(e, user, 'going').event, base);
    const next = { ...merged, version: base.version + 1 };
    if ((await deps.events.save(community.tenant, next)) === 'saved') {
      // Counted on the ladder like anyone who said Going.
      await deps.members.count(community.tenant, community.id, fresh, 'rsvps');
      return next;
    }
    current = await deps.events.get(community.tenant, community.id, event.id);
  }
  return current ?? event;
}
