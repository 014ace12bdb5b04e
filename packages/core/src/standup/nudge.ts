import { DateTime } from 'luxon';
import type { Community } from '../community/model.ts';
import { peopleLocales } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { type DueJob, sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { minuteAfter, minuteStart } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { isAway, type Member } from '../members/model.ts';
import { standupButtonId } from './ids.ts';
import type { StandupRun, StandupSchedule } from './model.ts';

/** How long before a run's summary its nudge goes out; a run whose window is not longer than this gets none. */
export const NUDGE_LEAD_MINUTES = 60;
/**
 * Quiet hours in the person's own zone (their timezone, else the stand-up's): no nudge from 22:00 until
 * 08:00. A nudge that falls in them is not sent later: the window closes within the hour anyway.
 */
export const QUIET_HOURS = { from: 22, until: 8 } as const;

/** Plans a run's nudge an hour before its summary (once, when its message is posted), unless the stand-up has them off. */
export async function planNudge(community: Community, schedule: StandupSchedule, run: StandupRun, at: Date, deps: CoreDeps) {
  if (schedule.nudge === false || schedule.windowMinutes <= NUDGE_LEAD_MINUTES) return;
  const minute = minuteAfter(at, schedule.windowMinutes - NUDGE_LEAD_MINUTES);
  await deps.due.put({ tenant: community.tenant, communityId: community.id, kind: 'nudge', ref: run.id, minute });
}

const quiet = (now: Date, zone: string) => {
  const hour = DateTime.fromJSDate(now, { zone }).hour;
  return hour >= QUIET_HOURS.from || hour < QUIET_HOURS.until;
};

/** Whether the person's prompt went out by now (a direct-message stand-up reaches each zone at its own local time). */
function prompted(schedule: StandupSchedule, run: StandupRun, member: Member | undefined, now: Date): boolean {
  if (schedule.delivery !== 'dm' || !member?.timezone || member.timezone === schedule.zone) return true;
  const local = DateTime.fromISO(`${run.date}T${schedule.time}`, { zone: member.timezone });
  return local.isValid && local.toMillis() <= now.getTime();
}

/** Who gets a nudge now: participants who neither answered nor skipped, are not away, were prompted and are awake. */
export function nudgeRecipients(
  schedule: StandupSchedule,
  run: StandupRun,
  answered: ReadonlySet<string>,
  members: ReadonlyMap<string, Member>,
  now: Date,
): string[] {
  return run.participants.filter((userId) => {
    const member = members.get(userId);
    if (answered.has(userId) || run.skipped.includes(userId) || isAway(member, run.date)) return false;
    return prompted(schedule, run, member, now) && !quiet(now, member?.timezone ?? schedule.zone);
  });
}

/**
 * A run's nudge, due an hour before its summary: one direct message with an Answer button to each who has
 * not answered yet, handed to the outbox. Each person is claimed once per run, so a tick run twice (or a
 * retry after a failure) nudges nobody twice; found after the window closed (downtime) it sends nothing.
 */
export async function runNudgeJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'nudge' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ now }) => {
    if (now.getTime() >= minuteStart(job.minute).getTime() + NUDGE_LEAD_MINUTES * 60_000) return undefined;
    const run = await deps.standups.run(tenant, community.id, job.ref);
    if (!run?.messageId) return undefined;
    const [schedule, answers, members] = await Promise.all([
      deps.standups.schedule(tenant, community.id, run.scheduleId),
      deps.standups.answers(tenant, community.id, run.id),
      deps.members.members(tenant, community.id),
    ]);
    if (!schedule || schedule.nudge === false) return undefined;
    const byId = new Map(members.map((m) => [m.userId, m]));
    const waiting = nudgeRecipients(schedule, run, new Set(answers.map((a) => a.userId)), byId, now);
    const claimKey = (userId: string) => `nudge#${tenant.platform}#${tenant.id}#${community.id}#${run.id}#${userId}`;
    const taken = await Promise.all(waiting.map((userId) => deps.due.claim(claimKey(userId))));
    const fresh = waiting.filter((_, i) => taken[i]);
    try {
      const localeOf = await peopleLocales(deps, community, fresh);
      const jobs = fresh.map((userId) => {
        const locale = localeOf(userId);
        const blocks: Block[] = [
          { type: 'text', text: t(locale, 'standup.nudge', { name: run.name, community: community.name }) },
          {
            type: 'actions',
            buttons: [
              { id: standupButtonId('answer', tenant.id, community.id, run.id), label: t(locale, 'standup.answer'), primary: true },
            ],
          },
        ];
        const key = `standup-nudge#${community.id}#${run.id}#${userId}`;
        return sendJob(tenant, { member: userId }, { text: plainText(blocks), blocks, key });
      });
      await deps.deferred.run(jobs);
    } catch (error) {
      // Nothing was handed over: the retry of the held item nudges them.
      await Promise.all(fresh.map((userId) => deps.due.release(claimKey(userId))));
      throw error;
    }
    return undefined;
  });
}
