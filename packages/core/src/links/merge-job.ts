import type { Community } from '../community/model.ts';
import type { JobRunner } from '../kernel/feature.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { minuteOf } from '../kernel/schedule.ts';

/** The job that makes what someone did under their second account theirs, once they linked it. */
export const mergeJob = (community: Pick<Community, 'tenant' | 'id'>, alias: string, primary: string, now: Date): DueJob => ({
  kind: 'link.merge',
  tenant: community.tenant,
  communityId: community.id,
  ref: `${alias}>${primary}`,
  minute: minuteOf(now),
});

/**
 * Moves the alias's tasks, offers and RSVPs onto the primary, while the two are still linked (the home's
 * record says so; a job outliving its link moves nothing). Run again, it finds nothing left to move.
 */
export const runMerge: JobRunner = async (job, community, deps) => {
  const [alias, primary] = job.ref.split('>');
  if (!alias || !primary) return;
  if ((await deps.links.sameAs(community.tenant, alias)) !== primary) return;
  const { events } = await deps.links.mergePerson(community.tenant, community.id, alias, primary);
  // Each event whose lists changed shows its RSVPs again, counting her once.
  const minute = minuteOf(deps.now());
  if (events.length > 0)
    await deps.deferred.run(
      events.map((ref) => ({ kind: 'event.card' as const, tenant: community.tenant, communityId: community.id, ref, minute })),
    );
};

/** The links feature's worker jobs, by kind. */
export const linkJobs: Readonly<Record<string, JobRunner>> = { 'link.merge': runMerge };
