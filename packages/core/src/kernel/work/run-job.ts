import { boardAfterJob } from '../../board/hook.ts';
import type { Tenant } from '../../community/model.ts';
import { runExportRequest } from '../../export/job.ts';
import { runHomePublish } from '../../home/job.ts';
import { loadLocale, tn } from '../i18n/translate.ts';
import { type DueKind, type Job, plainMessage } from '../jobs.ts';
import { isUndeliverable } from '../outbox.ts';
import type { CoreDeps } from '../ports.ts';
import { dueKinds, jobRunner } from '../registry.ts';
import { runAnswer } from './answer.ts';

/** Whether work is due work (with a due item of its own), as the features declare their kinds. */
const isDueKind = (kind: string): kind is DueKind => (dueKinds() as readonly string[]).includes(kind);

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
  // An export names the leader waiting for its files, not a due item: the export feature runs it.
  if (job.kind === 'export') return runExportRequest(job, deps);
  // A Home view is one person's, across the tenant's communities: the home feature draws it.
  if (job.kind === 'home.publish') return runHomePublish(job, deps);
  // An answer given later goes back into its own interaction, drawn by the command's feature.
  if (job.kind === 'answer') return runAnswer(job, deps);
  const found = await deps.store.lookup(job.tenant, job.communityId);
  if (found.kind !== 'found' || found.snapshot.community.id !== job.communityId) {
    // Every due kind any feature schedules goes with its community (follow-up work has no due item).
    if (isDueKind(job.kind)) await deps.due.remove(job.tenant, job.communityId, job.kind, job.ref);
    return;
  }
  await loadLocale(found.snapshot.community.locale ?? deps.defaultLocale);
  const run = jobRunner(job.kind);
  if (!run) throw new Error(`No feature runs ${job.kind} jobs`);
  await run(job, found.snapshot.community, deps);
  // A decision closed or a campaign moved on: the board in the channel shows it (nothing when there is none).
  const redraw = boardAfterJob(job, found.snapshot.community, deps.now());
  if (redraw.length > 0) await deps.deferred.run(redraw);
}
