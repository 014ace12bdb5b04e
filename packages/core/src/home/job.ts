import type { HomeJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { readHome } from './read.ts';
import { homeBlocks } from './view.ts';

/**
 * Publishes a person's Home view, drawn from the state as it is now (a click's change is committed before
 * this runs). Publishing replaces the whole view, so a retry by the outbox lands the same view once.
 * Platforms without a Home (Discord) have no `publishHome`: nothing to do.
 */
export async function runHomePublish(job: HomeJob, deps: CoreDeps): Promise<void> {
  const publish = deps.messenger.publishHome;
  if (!publish) return;
  const data = await readHome(deps, job.tenant, job.userId);
  const blocks = await homeBlocks(data, data.knownAs ?? job.userId, deps.now(), job.note);
  await publish.call(deps.messenger, job.tenant, job.userId, { blocks });
}
