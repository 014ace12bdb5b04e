import type { Community } from '../community/model.ts';
import type { Decision } from '../decisions/model.ts';
import { rsvpId } from '../events/ids.ts';
import type { CommunityEvent } from '../events/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { Block } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { offerActionId } from '../roles/ids.ts';
import type { Offer } from '../roles/offers.ts';
import { standupButtonId } from '../standup/ids.ts';
import { buttons, dueText } from '../tasks/card.ts';
import { sortTasks, type Task } from '../tasks/model.ts';
import type { StandupToday } from './read.ts';

/** Titles and names as a line shows them: whole characters, never a broken surrogate pair. */
const TITLE_MAX = 150;
/** Tasks with their buttons (two blocks each); the rest are counted. */
export const TASKS_SHOWN = 10;
/** Offers, events and decisions each show this many at most. */
export const ITEMS_SHOWN = 5;
/** How far ahead the events section looks. */
const EVENTS_AHEAD_SECONDS = 14 * 24 * 3600;

const title = (text: string) => clip(text, TITLE_MAX);

/** "…and N more. How to see them." as its own line. */
const more = (locale: Locale, count: number, how: string): Block[] =>
  count > 0 ? [{ type: 'context', text: tn(locale, 'list.more', count, { how }).trim() }] : [];

/** A heading and its items; nothing at all when there are none. */
const section = (heading: string, items: readonly Block[]): Block[] =>
  items.length > 0 ? [{ type: 'text', text: heading }, ...items] : [];

/** The person's accepted tasks, overdue first, each with Done and Hand back (the tasks feature's own buttons). */
export function taskBlocks(locale: Locale, community: Community, userId: string, tasks: readonly Task[], nowSeconds: number): Block[] {
  const mine = sortTasks(tasks, nowSeconds).filter((task) => task.ownerId === userId && task.status === 'accepted');
  const items = mine.slice(0, TASKS_SHOWN).flatMap((task): Block[] => {
    const icon = task.due && task.due.dueAt < nowSeconds ? '🔴' : '🟢';
    return [
      { type: 'text', text: t(locale, 'home.task', { icon, title: title(task.title), due: dueText(locale, task) }) },
      buttons(locale, community, task, ['done', 'handBack']),
    ];
  });
  return section(t(locale, 'home.tasks'), [...items, ...more(locale, mine.length - TASKS_SHOWN, t(locale, 'home.tasks.how'))]);
}

/** Tasks asked of the person and role offers to them, with their Accept and Decline. */
export function offerBlocks(
  locale: Locale,
  community: Community,
  userId: string,
  tasks: readonly Task[],
  offers: readonly Offer[],
  nowSeconds: number,
): Block[] {
  const asked = sortTasks(tasks, nowSeconds).filter((task) => task.ownerId === userId && task.status === 'proposed');
  const all: Block[][] = [
    ...asked.map((task): Block[] => [
      { type: 'text', text: t(locale, 'home.offer.task', { by: task.createdBy, title: title(task.title), due: dueText(locale, task) }) },
      buttons(locale, community, task, ['accept', 'decline']),
    ]),
    ...offers.map((offer): Block[] => [
      {
        type: 'text',
        text: t(locale, offer.asLead ? 'home.offer.lead' : 'home.offer.member', { by: offer.offeredBy, role: title(offer.roleName) }),
      },
      {
        type: 'actions',
        buttons: [
          { id: offerActionId('accept', community.tenant.id, community.id, offer.id), label: t(locale, 'offer.accept'), primary: true },
          { id: offerActionId('decline', community.tenant.id, community.id, offer.id), label: t(locale, 'offer.decline') },
        ],
      },
    ]),
  ];
  const items = all.slice(0, ITEMS_SHOWN).flat();
  return section(t(locale, 'home.offers'), [...items, ...more(locale, all.length - ITEMS_SHOWN, t(locale, 'home.offers.how'))]);
}

/** ISO weekday (1 = Monday) of a local date `YYYY-MM-DD`. */
const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay() || 7;

/** Today's stand-ups: one that went out (and asks the person) with its Answer button, one still to come as a line. */
export function standupBlocks(locale: Locale, community: Community, userId: string, standups: readonly StandupToday[]): Block[] {
  const items = standups.flatMap(({ schedule, date, run }): Block[] => {
    const name = title(schedule.name);
    if (run?.participants.includes(userId) && !run.skipped.includes(userId))
      return [
        { type: 'text', text: t(locale, 'home.standup.open', { name }) },
        {
          type: 'actions',
          buttons: [
            { id: standupButtonId('answer', community.tenant.id, community.id, run.id), label: t(locale, 'standup.answer'), primary: true },
          ],
        },
      ];
    if (run || !schedule.days.includes(weekdayOf(date)) || community.holidays.includes(date)) return [];
    return [{ type: 'text', text: t(locale, 'home.standup.later', { name, time: schedule.time, zone: schedule.zone }) }];
  });
  return section(t(locale, 'home.standups'), items);
}

/** Events of the next 14 days, soonest first, with the person's answer and the RSVP buttons. */
export function eventBlocks(
  locale: Locale,
  community: Community,
  userId: string,
  events: readonly CommunityEvent[],
  nowSeconds: number,
): Block[] {
  const coming = events
    .filter((e) => !e.cancelledAt && e.startsAt + e.minutes * 60 >= nowSeconds && e.startsAt <= nowSeconds + EVENTS_AHEAD_SECONDS)
    .sort((a, b) => a.startsAt - b.startsAt);
  const items = coming.slice(0, ITEMS_SHOWN).flatMap((event): Block[] => {
    const mine = event.going.includes(userId)
      ? 'going'
      : event.waitlist.includes(userId)
        ? 'waitlisted'
        : event.maybe.includes(userId)
          ? 'maybe'
          : event.cant.includes(userId)
            ? 'cant'
            : 'none';
    const start = `<t:${event.startsAt}:f>`;
    return [
      {
        type: 'text',
        text: t(locale, 'home.event', {
          title: title(event.title),
          start,
          place: title(event.place),
          answer: t(locale, `home.event.${mine}`),
        }),
      },
      {
        type: 'actions',
        buttons: (['going', 'maybe', 'cant'] as const).map((choice) => ({
          id: rsvpId(choice, community.tenant.id, community.id, event.id),
          label: t(locale, `event.${choice}`),
          ...(choice === 'going' ? { primary: true } : {}),
        })),
      },
    ];
  });
  return section(t(locale, 'home.events'), [...items, ...more(locale, coming.length - ITEMS_SHOWN, t(locale, 'home.events.how'))]);
}

/** Open proposals and polls, a line each, in one block. */
export function decisionBlocks(locale: Locale, decisions: readonly Decision[]): Block[] {
  const open = decisions.filter((d) => d.status === 'open');
  if (open.length === 0) return [];
  const lines = open.map((d) =>
    t(locale, d.kind === 'proposal' ? 'home.decision.proposal' : 'home.decision.poll', {
      title: title(d.title),
      closes: `<t:${Math.floor(Date.parse(d.closesAt) / 1000)}:f>`,
    }),
  );
  const text = linesWithMore(locale, lines, { max: ITEMS_SHOWN, how: t(locale, 'home.decisions.how') });
  return section(t(locale, 'home.decisions'), [{ type: 'text', text }]);
}
