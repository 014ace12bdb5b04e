import type { Community } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { type DueJob as Job, plainMessage, sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';

/**
 * An offer of a role that lapsed unanswered: the leader who asked is told, late or not. The offer is
 * removed under a condition, so an Accept racing the lapse leaves exactly one outcome; the item goes after.
 */
export async function runOfferJob(job: Job, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'offer' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async () => {
    // Answered or withdrawn offers are already gone; an expired one is still there (TTL deletes late).
    // (The lapse is the state change: if telling the leader then fails, a retry finds it lapsed and tells no one.)
    const offer = await deps.offers.lapse(tenant, community.id, job.ref);
    if (!offer) return undefined;
    const locale = await personLocale(deps, community, offer.offeredBy);
    const blocks: Block[] = [{ type: 'text', text: t(locale, 'offer.lapsed', { user: offer.userId, role: offer.roleName }) }];
    await deps.messenger.notifyMember(tenant, offer.offeredBy, { text: plainText(blocks), blocks });
    return undefined;
  });
}

/** An offer that could not reach the person: it is taken back, and the leader who made it hears why. */
export async function runOfferUnreachableJob(job: Job, community: Community, deps: CoreDeps): Promise<void> {
  const offer = await deps.offers.withdraw(community.tenant, community.id, job.ref, Math.floor(deps.now().getTime() / 1000));
  if (!offer) return;
  await deps.due.remove(community.tenant, community.id, 'offer', offer.id);
  const text = t(await personLocale(deps, community, offer.offeredBy), 'assign.unreachable', { user: offer.userId, role: offer.roleName });
  await deps.deferred.run([sendJob(community.tenant, { member: offer.offeredBy }, plainMessage(text))]);
}
