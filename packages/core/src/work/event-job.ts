import type { Community } from '../community.ts';
import { t } from '../i18n/translate.ts';
import type { DueJob } from '../jobs.ts';
import type { CoreDeps } from '../ports.ts';
import type { Block } from '../reply.ts';
import { minuteOf } from '../schedule.ts';
import { plainText } from '../standup-blocks.ts';
import { attemptDue, claimed } from './due-attempt.ts';

const HOUR = 3600;

/** Plans an event's reminders (a day and an hour before) and the debrief prompt at its end. */
export async function planEvent(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const event = await deps.events.get(community.tenant, community.id, job.ref);
  if (!event) return;
  const nowSeconds = deps.now().getTime() / 1000;
  const at = { dayBefore: event.startsAt - 24 * HOUR, hour: event.startsAt - HOUR, debrief: event.startsAt + event.minutes * 60 };
  await Promise.all(
    Object.entries(at)
      .filter(([, seconds]) => seconds > nowSeconds)
      .map(([kind, seconds]) =>
        deps.due.put({
          tenant: community.tenant,
          communityId: community.id,
          kind: 'event',
          ref: `${event.id}#${kind}`,
          minute: minuteOf(new Date(seconds * 1000)),
        }),
      ),
  );
}

/**
 * An event's due work: a reminder to everyone going (each claimed once, given back if it failed), or, once
 * it ended, asking the organizer for a debrief. Found late, the debrief is still asked for; a reminder
 * is moot once the event started (and the day-before one once the hour-before one is due): dropped.
 * The item goes only after everything was delivered.
 */
export async function runEventJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'event' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ now, owner }) => {
    const [eventId = '', kind] = job.ref.split('#');
    const event = await deps.events.get(tenant, community.id, eventId);
    if (!event) return undefined;
    owner(event.createdBy, event.title);
    const locale = community.locale ?? deps.defaultLocale;
    if (kind === 'debrief') {
      const blocks: Block[] = [
        { type: 'text', text: t(locale, 'event.debrief.ask', { title: event.title, going: event.going.length, id: event.id }) },
        {
          type: 'actions',
          buttons: [
            { id: `debrief:open:${tenant.id}:${community.id}:event.${event.id}`, label: t(locale, 'debrief.button'), primary: true },
          ],
        },
      ];
      await deps.messenger.notifyMember(tenant, event.createdBy, { text: plainText(blocks), blocks });
      return undefined;
    }
    const nowSeconds = now.getTime() / 1000;
    if (nowSeconds >= event.startsAt - (kind === 'hour' ? 0 : HOUR)) return undefined;
    const key = kind === 'hour' ? 'event.remind.hour' : 'event.remind.day';
    const blocks: Block[] = [
      { type: 'text', text: t(locale, key, { title: event.title, start: `<t:${event.startsAt}:F>`, place: event.place }) },
    ];
    const failures: unknown[] = [];
    await Promise.all(
      event.going.map(async (userId) => {
        const member = await deps.members.member(tenant, community.id, userId);
        if (member?.awayUntil && member.awayUntil >= new Date(event.startsAt * 1000).toISOString().slice(0, 10)) return;
        await claimed(deps, `event#${tenant.platform}#${tenant.id}#${community.id}#${job.ref}#${userId}`, () =>
          deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks }),
        ).catch((error: unknown) => failures.push(error));
      }),
    );
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} event reminders could not be delivered`);
    return undefined;
  });
}
