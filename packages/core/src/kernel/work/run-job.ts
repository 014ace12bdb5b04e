import { planCampaign, runCampaignJob } from '../../campaigns/job.ts';
import type { Community, Tenant } from '../../community/model.ts';
import { planEvent, runEventJob } from '../../events/job.ts';
import { runExportJob } from '../../export/job.ts';
import { commitOneOnOne, followUpOneOnOne } from '../../oneonones/job.ts';
import { runPairCheckinJob, runPairIntroJob } from '../../pairing/groups.ts';
import { logPairingMeeting, runPairingJob, runPairingRound } from '../../pairing/job.ts';
import { runOfferJob } from '../../roles/offer-job.ts';
import { syncStandupDue } from '../../standup/due.ts';
import { runStandupJob } from '../../standup/job.ts';
import { runNudgeJob } from '../../standup/nudge.ts';
import { runSummaryJob } from '../../standup/summary-job.ts';
import { runReminderJob, scheduleTaskReminders } from '../../tasks/reminder-job.ts';
import { loadLocale, t, tn } from '../i18n/translate.ts';
import { type DueJob, type DueKind, type Job, plainMessage } from '../jobs.ts';
import { isUndeliverable } from '../outbox.ts';
import type { CoreDeps } from '../ports.ts';
import { dueKinds, jobRunner } from '../registry.ts';
import {
  runEventCardJob,
  runOfferUnreachableJob,
  runStandupPostJob,
  runStandupRedrawJob,
  runStoryShareJob,
  runTaskUnreachableJob,
} from './delivery-jobs.ts';

/** Plans a stand-up's participants' zones (after a change), off the request path. */
async function runSyncJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const schedule = await deps.standups.schedule(community.tenant, community.id, job.ref);
  if (schedule) await syncStandupDue(community, schedule, deps, deps.now());
}

/** Plans an accepted task's reminders in its owner's zone, off the request path. */
async function runPlanJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const task = await deps.tasks.get(community.tenant, community.id, job.ref);
  if (task?.due && task.status === 'accepted') await scheduleTaskReminders(community, task.id, task.due, task.ownerId, deps);
}

const runners = {
  standup: runStandupJob,
  summary: runSummaryJob,
  nudge: runNudgeJob,
  task: runReminderJob,
  offer: runOfferJob,
  'standup.sync': runSyncJob,
  'task.plan': runPlanJob,
  event: runEventJob,
  'event.plan': planEvent,
  campaign: runCampaignJob,
  'campaign.plan': planCampaign,
  oneonone: followUpOneOnOne,
  'oneonone.commit': commitOneOnOne,
  pair: runPairingJob,
  'pair.round': (_job: DueJob, community: Community, deps: CoreDeps) => runPairingRound(community, deps),
  'pair.met': logPairingMeeting,
  'pair.intro': runPairIntroJob,
  'pair.checkin': runPairCheckinJob,
  'event.card': runEventCardJob,
  'story.share': runStoryShareJob,
  'standup.post': runStandupPostJob,
  'standup.redraw': runStandupRedrawJob,
  'task.unreachable': runTaskUnreachableJob,
  'offer.unreachable': runOfferUnreachableJob,
} as const;

/** Whether work is due work (with a due item of its own), as the features declare their kinds. */
const listedDueKinds: readonly DueKind[] = ['standup', 'summary', 'nudge', 'task', 'offer', 'event', 'campaign', 'oneonone', 'pair'];
const isDueKind = (kind: string): kind is DueKind => ([...listedDueKinds, ...dueKinds()] as readonly string[]).includes(kind);

/** A plain message to one member, by direct message. */
const tell = (deps: CoreDeps, tenant: Tenant, userId: string, text: string) =>
  deps.messenger.notifyMember(tenant, userId, plainMessage(text));

/** Runs one piece of work. A community that is gone drops its due item. */
export async function runJob(job: Job, deps: CoreDeps): Promise<void> {
  if (job.kind === 'send') {
    const { tenant, to, message } = job;
    try {
      await ('member' in to
        ? deps.messenger.notifyMember(tenant, to.member, message)
        : 'thread' in to
          ? deps.messenger.postInThread(tenant, to.thread.channel, to.thread.message, message)
          : deps.messenger.postInChannel(tenant, to.channel, message));
    } catch (error) {
      // Refused for good: retrying would not help; what the message offered is taken back instead.
      if (!job.ifUndeliverable || !isUndeliverable(error)) throw error;
      await deps.deferred.run([job.ifUndeliverable]);
    }
    return;
  }
  if (job.kind === 'count') {
    await deps.members.count(job.tenant, job.communityId, job.userIds, job.act);
    return;
  }
  if (job.kind === 'erase') {
    // Runs again after a failure (the worker's retries) and finishes what is left: deleting is idempotent.
    const count = await deps.store.erase(job.tenant, job.communityId);
    // People's language settings are the workspace's, not one community's: they go with its last community.
    if ((await deps.store.lookup(job.tenant, job.communityId)).kind === 'none') await deps.profiles.erase(job.tenant);
    await loadLocale(job.locale);
    await tell(deps, job.tenant, job.userId, tn(job.locale, 'erase.done', count, { name: job.name }));
    return;
  }
  if (job.kind === 'export') {
    const community = await deps.store.lookup(job.tenant, job.communityId);
    if (community.kind === 'found' && community.snapshot.community.id === job.communityId) {
      await loadLocale(community.snapshot.community.locale ?? deps.defaultLocale);
      await runExportJob(job, community.snapshot.community, deps).catch(async (error: unknown) => {
        // The leader is waiting for files: say it did not work (once per request, whatever the retries),
        // then fail the job so it is logged and retried.
        const key = `export#${job.tenant.platform}#${job.tenant.id}#${job.communityId}#${job.userId}#${job.requestedAt ?? ''}`;
        if (await deps.due.claim(key)) {
          const locale = community.snapshot.community.locale ?? deps.defaultLocale;
          await tell(deps, job.tenant, job.userId, t(locale, 'export.failed')).catch(() => undefined);
        }
        throw error;
      });
    }
    return;
  }
  const found = await deps.store.lookup(job.tenant, job.communityId);
  if (found.kind !== 'found' || found.snapshot.community.id !== job.communityId) {
    // Every due kind any feature schedules goes with its community (follow-up work has no due item).
    if (isDueKind(job.kind)) await deps.due.remove(job.tenant, job.communityId, job.kind, job.ref);
    return;
  }
  await loadLocale(found.snapshot.community.locale ?? deps.defaultLocale);
  const run = Object.hasOwn(runners, job.kind) ? runners[job.kind as keyof typeof runners] : jobRunner(job.kind);
  if (!run) throw new Error(`No feature runs ${job.kind} jobs`);
  await run(job, found.snapshot.community, deps);
}
