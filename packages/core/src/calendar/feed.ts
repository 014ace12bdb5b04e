import { addDays, type Campaign, type PhaseId } from '../campaigns/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import { type Locale, type MessageKey, t } from '../kernel/i18n/translate.ts';
import type { Task } from '../tasks/model.ts';

/** What one feed shows: events with a start instant, and days (milestones, phases, due dates). */
export interface FeedItems {
  readonly name: string;
  readonly events: readonly CommunityEvent[];
  readonly campaigns: readonly Campaign[];
  readonly tasks: readonly Task[];
}

const phaseKeys: Record<PhaseId, MessageKey> = {
  foundation: 'campaign.phase.foundation',
  kickoff: 'campaign.phase.kickoff',
  building: 'campaign.phase.building',
  peak: 'campaign.phase.peak',
  resolution: 'campaign.phase.resolution',
};

/** RFC 5545 TEXT escaping, for the calendar's name (the library escapes events' fields, not the calendar's NAME). */
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');

/** A day (YYYY-MM-DD) as the library's DATE value: its UTC midnight, printed as that day. */
const day = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The feed as iCalendar text (RFC 5545), written by `ical-generator` (loaded here only, on a feed request).
 * Events are emitted as UTC instants (`DTSTART:…Z`), not TZID with a VTIMEZONE: they are stored as instants,
 * and every client shows a UTC instant at the right local time on each side of a DST change, so there is no
 * zone definition to ship or keep up to date. Days without a time (milestones, phases, due dates) are DATE
 * values, the same day wherever the reader is. UIDs come from the stored ids, so a client that fetches again
 * updates its copies instead of adding new ones.
 */
export async function feedText(items: FeedItems, locale: Locale, now: Date): Promise<string> {
  const { default: ical } = await import('ical-generator');
  const calendar = ical({
    name: escapeText(items.name),
    prodId: { company: 'Organizer', product: 'Organizer', language: locale.toUpperCase() },
  });
  for (const event of items.events) {
    const start = new Date(event.startsAt * 1000);
    calendar.createEvent({
      id: `${event.id}@organizer`,
      stamp: now,
      start,
      end: new Date(start.getTime() + event.minutes * 60_000),
      summary: event.title,
      ...(event.place ? { location: event.place } : {}),
      ...(event.description ? { description: event.description } : {}),
    });
  }
  for (const campaign of items.campaigns) {
    for (const phase of campaign.phases)
      calendar.createEvent({
        id: `phase-${campaign.id}-${phase.id}@organizer`,
        stamp: now,
        allDay: true,
        start: day(phase.start),
        // DTEND of a DATE is the day after the last one (exclusive).
        end: day(addDays(phase.end, 1)),
        summary: t(locale, 'calendar.feed.phase', { campaign: campaign.name, phase: t(locale, phaseKeys[phase.id]) }),
        description: campaign.goal,
      });
    campaign.milestones.forEach((milestone, index) => {
      calendar.createEvent({
        id: `milestone-${campaign.id}-${index}@organizer`,
        stamp: now,
        allDay: true,
        start: day(milestone.date),
        summary: t(locale, 'calendar.feed.milestone', { campaign: campaign.name, milestone: milestone.text }),
      });
    });
  }
  for (const task of items.tasks) {
    if (!task.due) continue;
    calendar.createEvent({
      id: `task-${task.id}@organizer`,
      stamp: now,
      allDay: true,
      start: day(task.due.date),
      summary: t(locale, 'calendar.feed.task', { task: task.title }),
    });
  }
  return calendar.toString();
}
