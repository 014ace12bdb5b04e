import type { Community } from '../community.ts';
import { t } from '../i18n/translate.ts';
import type { DueJob as Job } from '../jobs.ts';
import type { CoreDeps, DueItem } from '../ports.ts';
import { localDateOf, minuteAfter, minuteStart } from '../schedule.ts';
import { headerBlocks, plainText, promptBlocks } from '../standup-blocks.ts';
import { syncStandupDue } from '../standup-due.ts';
import { isAway, participantsOf, runId, type StandupRun, zoneOf } from '../standups.ts';

/**
 * Delivers a stand-up's prompts for one zone. The day's run is created under a condition (the claim for
 * the channel post), each direct message is claimed on its own, and the due item is moved to the next
 * time only if it is still where this job found it: a tick that runs twice posts nothing twice.
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
  const zone = memberZone ?? schedule.zone;
  const at = job.manual ? deps.now() : minuteStart(job.minute);
  if (!job.manual) {
    // Move on first: the next run's time does not depend on whether posting succeeds.
    const { nextOccurrence, minuteOf } = await import('../schedule.ts');
    const next = nextOccurrence({ days: schedule.days, time: schedule.time, zone }, at, new Set(community.holidays));
    await deps.due.advance(item, next ? minuteOf(next.at) : undefined);
  }
  const date = localDateOf(at, job.manual ? schedule.zone : zone);
  if (!job.manual && community.holidays.includes(date)) return;
  const locale = community.locale ?? deps.defaultLocale;
  const members = new Map((await deps.members.members(tenant, community.id)).map((m) => [m.userId, m]));
  const participants = participantsOf(schedule, community);
  const present = participants.filter((u) => !isAway(members.get(u), date));
  const run: StandupRun = {
    id: runId(date, schedule.id),
    scheduleId: schedule.id,
    communityId: community.id,
    date,
    name: schedule.name,
    questions: schedule.questions,
    locale: community.locale ?? deps.defaultLocale,
    channelId: schedule.channelId,
    participants,
    skipped: [],
    postedAt: deps.now().toISOString(),
  };
  if ((await deps.standups.createRun(tenant, run)) === 'created') {
    const blocks = schedule.delivery === 'dm' ? headerBlocks(locale, community, run) : promptBlocks(locale, community, run, present);
    const { messageId } = await deps.messenger.postInChannel(tenant, schedule.channelId, { text: plainText(blocks), blocks });
    await deps.standups.setRunMessage(tenant, community.id, run.id, messageId);
    await deps.due.put({
      tenant,
      communityId: community.id,
      kind: 'summary',
      ref: run.id,
      minute: minuteAfter(at, schedule.windowMinutes),
    });
    // People who joined or changed zones since the last run get their own zone's next time.
    if (!job.manual && !memberZone && schedule.delivery === 'dm') await syncStandupDue(community, schedule, deps, at);
  }
  if (schedule.delivery !== 'dm') return;
  const recipients = present.filter((u) => job.manual || zoneOf(schedule, members.get(u)) === zone);
  const blocks = promptBlocks(locale, community, run, []);
  const text = `${t(locale, 'standup.dm.intro', { community: community.name })}\n${plainText(blocks)}`;
  const failures: unknown[] = [];
  await Promise.all(
    recipients.map(async (userId) => {
      if (!(await deps.due.claim(`standup#${tenant.platform}#${tenant.id}#${community.id}#${run.id}#${userId}`))) return;
      await deps.messenger
        .notifyMember(tenant, userId, {
          text,
          blocks: [{ type: 'context', text: t(locale, 'standup.dm.intro', { community: community.name }) }, ...blocks],
        })
        .catch((error: unknown) => failures.push(error));
    }),
  );
  // Never dropped silently: the worker logs and reports what could not be delivered.
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} stand-up prompts could not be delivered`);
}
