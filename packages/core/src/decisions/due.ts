import type { Community } from '../community/model.ts';
import type { JobRunner } from '../kernel/feature.ts';
import type { CoreDeps, DueItem } from '../kernel/ports.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { remindVoters } from './close-remind.ts';
import { closeDecision } from './close-run.ts';
import type { Decision } from './model.ts';

const DAY_MS = 24 * 60 * 60_000;

/** A decision's due item: `<id>#remind` (the day before it closes) or `<id>#close`. */
export const decisionDue = (community: Community, decisionId: string, what: 'remind' | 'close'): Omit<DueItem, 'minute'> => ({
  tenant: community.tenant,
  communityId: community.id,
  kind: 'decision',
  ref: `${decisionId}#${what}`,
});

/**
 * Plans a decision's due work: the reminder a day before it closes (only when that is still ahead and
 * the decision runs longer than a day: a shorter one is still fresh in everyone's mind) and its closing.
 * A closed decision has none: both go. Inside a command the writes go with its outbox.
 */
export async function planDecision(decision: Decision, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const remind = decisionDue(community, decision.id, 'remind');
  const close = decisionDue(community, decision.id, 'close');
  if (decision.status === 'closed') {
    await Promise.all([remind, close].map((item) => deps.due.remove(tenant, community.id, 'decision', item.ref)));
    return;
  }
  const closesAt = Date.parse(decision.closesAt);
  const remindAt = closesAt - DAY_MS;
  const now = deps.now().getTime();
  const lasts = closesAt - Date.parse(decision.createdAt);
  await Promise.all([
    deps.due.put({ ...close, minute: minuteOf(new Date(Math.max(closesAt, now))) }),
    remindAt > now && lasts > DAY_MS && !decision.remindedAt
      ? deps.due.put({ ...remind, minute: minuteOf(new Date(remindAt)) })
      : deps.due.remove(tenant, community.id, 'decision', remind.ref),
  ]);
}

/**
 * A decision's due work, when it falls due: the reminder to those who have not voted, or closing it (the
 * outcome counted and announced once). The item goes only once the work succeeded; a failure is retried
 * by a later tick, which sends only what did not go out.
 */
export async function runDecisionJob(job: Parameters<JobRunner>[0], community: Community, deps: CoreDeps): Promise<void> {
  const [decisionId = '', what = ''] = job.ref.split('#');
  const item: DueItem = { tenant: community.tenant, communityId: community.id, kind: 'decision', ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ owner }) => {
    const decision = await deps.decisions.get(community.tenant, community.id, decisionId);
    if (!decision) return undefined;
    owner(decision.authorId, decision.title);
    if (what === 'remind') await remindVoters(decision, community, deps);
    else if (what === 'close') await closeDecision(decision.id, community, deps);
    return undefined;
  });
}

/** A new decision's due work, planned by the worker from the decision as it is then (a closed one has none). */
export const planDecisionJob: JobRunner = async (job, community, deps) => {
  const decision = await deps.decisions.get(community.tenant, community.id, job.ref);
  if (decision) await planDecision(decision, community, deps);
};

/** The reminder and the closing, run by the worker when due, and the planning of both. */
export const decisionDueJobs: Readonly<Record<string, JobRunner>> = { decision: runDecisionJob, 'decision.plan': planDecisionJob };
