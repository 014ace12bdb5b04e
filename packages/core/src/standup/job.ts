import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { type DueJob as Job, plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps, DueItem } from '../kernel/ports.ts';
import { localDateOf, minuteOf, minuteStart, nextOccurrence } from '../kernel/schedule.ts';
import { attemptDue, claimed } from '../kernel/work/due-attempt.ts';
import { runId, type StandupSchedule } from './model.ts';
import { postRun } from './post.ts';

const epoch = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * A stand-up's due item for one zone. The item is held while it delivers and moved to the next occurrence
 * after now only once that succeeded. Found late (downtime, or retries of a failing post): inside its
 * answer window it goes out as usual; past it, the leader who owns the stand-up is told in one line that
 * it was skipped, and the latest occurrence still inside its window (today's, after days down) goes out.
 */
export async function runStandupJob(job: Job, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [scheduleId = '', memberZone] = job.ref.split('@');
  const schedule = await deps.standups.schedule(tenant, community.id, scheduleId);
  const item: DueItem = { tenant, communityId: community.id, kind: 'standup', ref: job.ref, minute: job.minute };
  if (!schedule) {
    if (!job.manual) await deps.due.advance(item, undefined);
    return;
  }
  // `standup now` cannot tell a redelivery of itself from a first run on a day that already had one, so its
  // prompts are not marked as repeats (their claims still keep those already sent from going twice).
  if (job.manual) return postRun(community, schedule, { at: deps.now(), zone: schedule.zone, manual: true }, deps);
  const zone = memberZone ?? schedule.zone;
  const weekly = { days: schedule.days, time: schedule.time, zone };
  const holidays = new Set(community.holidays);
  await attemptDue(community, item, deps, async ({ held, now, late, owner }) => {
    const next = nextOccurrence(weekly, now, holidays);
    const to = next ? minuteOf(next.at) : undefined;
    owner(schedule.createdBy, schedule.name, to);
    let at: Date | undefined = minuteStart(job.minute);
    if (late > schedule.windowMinutes) {
      await reportMissed(community, schedule, job, at, next?.at, deps);
      // The latest occurrence whose window is still open, if any, goes out now.
      const latest = nextOccurrence(weekly, new Date(now.getTime() - schedule.windowMinutes * 60_000 - 1), holidays);
      at = latest && latest.at <= now ? latest.at : undefined;
    }
    const date = at && localDateOf(at, zone);
    // A retry of this item may follow an attempt that sent some prompts and then failed.
    const repeat = (held.attempts ?? 0) > 1;
    if (at && date && !community.holidays.includes(date))
      await postRun(community, schedule, { at, zone, ...(memberZone ? { memberZone } : {}), ...(repeat ? { repeat } : {}) }, deps);
    return to;
  });
}

/** One line to the stand-up's owner about an occurrence that never went out (none when it did, only too late to move on). */
async function reportMissed(community: Community, schedule: StandupSchedule, job: Job, at: Date, next: Date | undefined, deps: CoreDeps) {
  const { tenant } = community;
  const zone = job.ref.split('@')[1] ?? schedule.zone;
  const date = localDateOf(at, zone);
  if (community.holidays.includes(date)) return;
  const run = await deps.standups.run(tenant, community.id, runId(date, schedule.id));
  if (run?.messageId) return;
  // A stand-up by direct message has one item per zone: the owner hears once per day, from its own zone's item.
  const key = `missed#${tenant.platform}#${tenant.id}#${community.id}#${runId(date, schedule.id)}`;
  const locale = await personLocale(deps, community, schedule.createdBy);
  const text = t(locale, 'standup.missed', {
    name: schedule.name,
    due: `<t:${epoch(at)}:F>`,
    next: next ? `<t:${epoch(next)}:F>` : '—',
  });
  await claimed(deps, key, () => deps.messenger.notifyMember(tenant, schedule.createdBy, plainMessage(text)));
}
