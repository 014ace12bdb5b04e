import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { type DueJob, plainMessage, sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { scheduleTaskReminders } from './reminder-job.ts';

/** Plans an accepted task's reminders in its owner's zone, off the request path. */
export async function runPlanJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const task = await deps.tasks.get(community.tenant, community.id, job.ref);
  if (task?.due && task.status === 'accepted') await scheduleTaskReminders(community, task.id, task.due, task.ownerId, deps);
}

/** A task whose offer could not reach its owner: it goes back to the leader, who hears why. */
export async function runTaskUnreachableJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const task = await deps.tasks.get(community.tenant, community.id, job.ref);
  if (task?.status !== 'proposed') return;
  const moved = await deps.tasks.move(
    community.tenant,
    community.id,
    task.id,
    task.ownerId,
    'proposed',
    'declined',
    deps.now().toISOString(),
  );
  if (moved !== 'saved') return;
  // A direct message to the leader: in their own language.
  const text = t(await personLocale(deps, community, task.createdBy), 'task.unreachable', { user: task.ownerId });
  await deps.deferred.run([sendJob(community.tenant, { member: task.createdBy }, plainMessage(text))]);
}
