import type { Community } from '../community/model.ts';
import { openDebriefId } from '../debrief/ids.ts';
import { peopleLocales, personLocale } from '../kernel/context.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { attemptDue, claimed } from '../kernel/work/due-attempt.ts';
import { attachTurnoutChart } from './debrief-chart.ts';
import { attendanceId } from './ids.ts';
import {
  type CommunityEvent,
  nextOccurrence,
  nextStart,
  reminderChoices,
  reminderOfRef,
  reminderRef,
  reminderSeconds,
  remindersOf,
} from './model.ts';
import { mergeInterested } from './server-interest.ts';

const endOf = (event: CommunityEvent) => event.startsAt + event.minutes * 60;

/**
 * Plans (or, after an edit, moves) an event's due work: the reminders chosen for it, the debrief prompt
 * at its end, and, when it repeats, making the next occurrence at its end. Reminders no longer chosen are
 * removed; a cancelled event keeps only its repeat (the series goes on unless it is turned off).
 */
export async function planEvent(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const event = await deps.events.get(community.tenant, community.id, job.ref);
  if (!event) return;
  const nowSeconds = deps.now().getTime() / 1000;
  const chosen = event.cancelledAt ? [] : remindersOf(event);
  const at: Record<string, number | undefined> = {
    ...Object.fromEntries(
      reminderChoices.map((r) => [reminderRef(r), chosen.includes(r) ? event.startsAt - reminderSeconds[r] : undefined]),
    ),
    debrief: event.cancelledAt ? undefined : endOf(event),
    // Found late (the event ended while it was off), the next occurrence is still made: at once.
    repeat: event.repeat ? Math.max(endOf(event), nowSeconds) : undefined,
  };
  const item = (kind: string) => ({
    tenant: community.tenant,
    communityId: community.id,
    kind: 'event' as const,
    ref: `${event.id}#${kind}`,
  });
  await Promise.all(
    Object.entries(at).map(([kind, seconds]) =>
      seconds !== undefined && seconds >= nowSeconds
        ? deps.due.put({ ...item(kind), minute: minuteOf(new Date(seconds * 1000)) })
        : // A reminder an edit moved into the past goes; a debrief already due is still asked for.
          seconds === undefined || kind !== 'debrief'
          ? deps.due.remove(community.tenant, community.id, 'event', item(kind).ref)
          : undefined,
    ),
  );
}

/**
 * Makes a repeating event's next occurrence, with its own card and due work. Its id follows from the
 * series, so a tick run twice (or a retry after a crash) makes it once and only redraws its card.
 */
async function repeatEvent(event: CommunityEvent, community: Community, deps: CoreDeps, now: Date): Promise<void> {
  if (!event.repeat) return;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const { startsAt, skipped } = await nextStart(event, community.timezone ?? 'UTC', nowSeconds);
  const next = nextOccurrence(event, startsAt, skipped, now.toISOString());
  const made = await deps.events.create(community.tenant, next);
  if (made === 'missing') return;
  const job = { tenant: community.tenant, communityId: community.id, ref: next.id, minute: minuteOf(now) };
  await deps.deferred.run([
    { kind: 'event.card', ...job },
    { kind: 'event.plan', ...job },
  ]);
}

/**
 * An event's due work: a reminder to everyone going (each claimed once, given back if it failed), or, once
 * it ended, asking the organizer for a debrief (with attendance to mark) and making the next occurrence.
 * Found late, the debrief is still asked for; a reminder is moot once the event started (or the next
 * reminder chosen is due): dropped, as are those of a cancelled event or no longer chosen.
 * The item goes only after everything was delivered.
 */
export async function runEventJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'event' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ now, owner }) => {
    const [eventId = '', kind = ''] = job.ref.split('#');
    const event = await deps.events.get(tenant, community.id, eventId);
    if (!event) return undefined;
    owner(event.createdBy, event.title);
    if (kind === 'repeat') return repeatEvent(event, community, deps, now).then(() => undefined);
    if (event.cancelledAt) return undefined;
    if (kind === 'debrief') {
      // Direct messages, each in its reader's own language.
      const locale = await personLocale(deps, community, event.createdBy);
      const blocks: Block[] = [
        { type: 'text', text: t(locale, 'event.debrief.ask', { title: event.title, going: event.going.length, id: event.id }) },
        {
          type: 'actions',
          buttons: [
            {
              id: openDebriefId({ tenantId: tenant.id, communityId: community.id, subject: `event.${event.id}` }),
              label: t(locale, 'debrief.button'),
              primary: true,
            },
            { id: attendanceId(tenant.id, community.id, event.id), label: t(locale, 'event.attendance.button') },
          ],
        },
      ];
      await deps.messenger.notifyMember(tenant, event.createdBy, { text: plainText(blocks), blocks });
      // The picture follows the prompt, which is never held back or repeated for it.
      await attachTurnoutChart(community, event, locale, deps);
      return undefined;
    }
    const at = reminderOfRef(kind);
    const chosen = remindersOf(event);
    if (!at || !chosen.includes(at)) return undefined;
    const nextReminder = Math.max(0, ...chosen.map((r) => reminderSeconds[r]).filter((s) => s < reminderSeconds[at]));
    if (now.getTime() / 1000 >= event.startsAt - nextReminder) return undefined;
    // Those marked Interested in the server's Events tab are reminded as going too (their card redrawn).
    const merged = await mergeInterested(event, community, deps);
    if (merged !== event)
      await deps.deferred.run([{ kind: 'event.card', tenant, communityId: community.id, ref: event.id, minute: job.minute }]);
    const going = merged.going;
    const localeOf = await peopleLocales(deps, community, going);
    const reminder = (locale: Locale): Block[] => [
      { type: 'text', text: t(locale, `event.remind.${at}`, { title: event.title, start: `<t:${event.startsAt}:F>`, place: event.place }) },
    ];
    const failures: unknown[] = [];
    await Promise.all(
      going.map(async (userId) => {
        const member = await deps.members.member(tenant, community.id, userId);
        if (member?.awayUntil && member.awayUntil >= new Date(event.startsAt * 1000).toISOString().slice(0, 10)) return;
        // Keyed by the start too: moved by an edit, the event reminds again for its new time.
        await claimed(deps, `event#${tenant.platform}#${tenant.id}#${community.id}#${job.ref}#${event.startsAt}#${userId}`, () => {
          const blocks = reminder(localeOf(userId));
          return deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks });
        }).catch((error: unknown) => failures.push(error));
      }),
    );
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} event reminders could not be delivered`);
    return undefined;
  });
}
