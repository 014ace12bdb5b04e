import type { Community } from '../community/model.ts';
import { communityLocaleOf, personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { type DueJob, type Job, plainMessage, sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { clip } from '../kernel/text.ts';
import type { CommunityEvent } from './model.ts';
import type { ScheduledEventFields, ScheduledEvents } from './scheduled-port.ts';

/** Discord's limits on a scheduled event's name, description and external location. */
const LIMITS = { name: 100, description: 1000, location: 100 } as const;
/** What `scheduled.sent` holds once the server's event was cancelled: nothing more is ever sent. */
const CANCELLED = 'cancelled';

/** Whether a community keeps its events as its Discord server's own events (a leader turned it on). */
export const keepsServerEvents = (community: Community): boolean =>
  community.tenant.platform === 'discord' && community.serverEvents !== undefined;

/**
 * The job that brings an event's server twin in line with it, when the community keeps them and the twin
 * differs from the event (an RSVP changes nothing there, so it hands over no job).
 */
export function serverEventJobs(community: Community, event: CommunityEvent, deps: CoreDeps, minute: string): Job[] {
  if (!keepsServerEvents(community) || !deps.messenger.scheduledEvents) return [];
  const sent = event.scheduled?.sent;
  const due = event.cancelledAt
    ? event.scheduled !== undefined && sent !== CANCELLED
    : event.startsAt > deps.now().getTime() / 1000 && sent !== CANCELLED && sent !== digest(fieldsOf(community, deps, event));
  return due ? [{ kind: 'event.server', tenant: community.tenant, communityId: community.id, ref: event.id, minute }] : [];
}

const fieldsOf = (community: Community, deps: CoreDeps, event: CommunityEvent) =>
  serverEventFields(event, t(communityLocaleOf(community, deps), 'event.server.place'));

/** The server event's fields from the event, each shortened on whole characters to Discord's limits. */
export function serverEventFields(event: CommunityEvent, fallbackPlace: string): ScheduledEventFields {
  return {
    name: clip(event.title, LIMITS.name),
    description: clip(event.description, LIMITS.description),
    location: clip(event.place.trim() || fallbackPlace, LIMITS.location),
    start: new Date(event.startsAt * 1000).toISOString(),
    end: new Date((event.startsAt + event.minutes * 60) * 1000).toISOString(),
  };
}

/** A short digest of what was sent (FNV-1a): a repeat of the job with nothing changed sends nothing. */
export function digest(fields: ScheduledEventFields): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(fields)) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return hash.toString(36);
}

/** Records the server event on the newest version of the event (an RSVP may have landed meanwhile). */
async function record(deps: CoreDeps, community: Community, first: CommunityEvent, scheduled: CommunityEvent['scheduled']) {
  for (let attempt = 0, event: CommunityEvent | undefined = first; attempt < 5 && event; attempt++) {
    if ((await deps.events.save(community.tenant, { ...event, scheduled, version: event.version + 1 })) === 'saved') return;
    event = await deps.events.get(community.tenant, community.id, first.id);
  }
  throw new Error(`event ${first.id}: server event ${scheduled?.id} not recorded`);
}

/**
 * Discord refused for want of Manage Events: the leader who turned server events on hears it once (until
 * it works again), with the link that grants it. The Organizer event and everything else carry on.
 */
const forbiddenKey = (community: Community) =>
  `server-events-forbidden#${community.tenant.platform}#${community.tenant.id}#${community.id}`;

async function tellForbidden(deps: CoreDeps, community: Community, port: ScheduledEvents, event: CommunityEvent) {
  const key = forbiddenKey(community);
  if (!(await deps.due.claim(key))) return;
  const leader = community.serverEvents?.by ?? event.createdBy;
  const locale = await personLocale(deps, community, leader);
  const link = await port.inviteUrl();
  const how = link ? t(locale, 'event.server.how.link', { link }) : t(locale, 'event.server.how.role');
  const note = { ...plainMessage(t(locale, 'event.server.forbidden', { title: event.title, how })), key };
  await deps.deferred.run([sendJob(community.tenant, { member: leader }, note)]);
}

/**
 * Makes, changes or cancels an event's twin in the Discord server's Events tab to match the event as it is
 * when this runs. Exactly once: a made one is kept on the event with a digest of what it was sent; making
 * one is claimed, and looked for among the server's events first (what an attempt whose answer was lost
 * made). A failed attempt gives the claim back and the outbox runs the job again.
 */
export async function runServerEventJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const port = deps.messenger.scheduledEvents;
  if (!port || !keepsServerEvents(community)) return;
  const { tenant } = community;
  const event = await deps.events.get(tenant, community.id, job.ref);
  if (!event) return;
  const nowSeconds = deps.now().getTime() / 1000;
  if (event.cancelledAt) {
    if (!event.scheduled || event.scheduled.sent === CANCELLED) return;
    const cancelled = await port.cancel(tenant, event.scheduled.id);
    if (cancelled === 'forbidden') return tellForbidden(deps, community, port, event);
    return record(deps, community, event, { id: event.scheduled.id, sent: CANCELLED });
  }
  // Discord ends a started event itself and takes no start in the past.
  if (event.startsAt <= nowSeconds) return;
  const fields = fieldsOf(community, deps, event);
  const sent = digest(fields);
  if (event.scheduled) {
    if (event.scheduled.sent === sent || event.scheduled.sent === CANCELLED) return;
    const updated = await port.update(tenant, event.scheduled.id, fields);
    if (updated === 'forbidden') return tellForbidden(deps, community, port, event);
    if (updated === 'refused') deps.log?.warn('server event update refused', { event: event.id });
    // Saved, gone (deleted in the server) or refused: recorded, so the same change is not sent again.
    return record(deps, community, event, { id: event.scheduled.id, sent });
  }
  const claim = `server-event#${tenant.platform}#${tenant.id}#${community.id}#${event.id}`;
  const won = await deps.due.claim(claim);
  // Looked for first: an earlier attempt may have made it though its answer was lost (a timeout, then a retry).
  const found = await port.find(tenant, fields);
  if (found) return record(deps, community, event, { id: found, sent });
  // Another run holds the claim: it is making it now, and records it.
  if (!won) return;
  const made = await port.create(tenant, fields).catch(async (error: unknown) => {
    await deps.due.release(claim);
    throw error;
  });
  if (typeof made === 'object') {
    await record(deps, community, event, { id: made.id, sent });
    // It works (again): should the permission be taken away later, the leader hears of it again.
    return deps.due.release(forbiddenKey(community));
  }
  // Not made: the next change of the event tries again.
  await deps.due.release(claim);
  if (made === 'forbidden') return tellForbidden(deps, community, port, event);
  deps.log?.warn('server event refused', { event: event.id, reason: made });
}
