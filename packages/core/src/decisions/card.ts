import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import type { JobRunner } from '../kernel/feature.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { decisionCard } from './card-render.ts';
import { type Ballot, type Decision, positions, senses } from './model.ts';

/** A reason as the thread shows it, within what one message holds comfortably. */
const REASON_SHOWN = 1500;
/** Redraws one card job makes at most while votes keep coming (each vote's own job redraws after it too). */
const REDRAWS = 4;

/** What a card is drawn from, in short: a redraw is needed when this changed. */
const drawnFrom = (decision: Decision, ballots: readonly Ballot[]) =>
  [decision.version, decision.status, ...ballots.map((b) => `${b.userId}@${b.at}`).sort()].join('|');

/**
 * Posts a decision's card in its channel and records where, or redraws it in place once it is there. It
 * draws the card from the decision and its ballots as they are when it runs, and once its edit landed it
 * looks again: if a vote came in meanwhile it draws again. So whichever edit lands last shows the newest
 * state, even when edits race (twenty votes at once end on a card that counts twenty).
 */
export async function runDecisionCardJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const locale = communityLocaleOf(community, deps);
  let decision = await deps.decisions.get(tenant, community.id, job.ref);
  if (!decision) return;
  let ballots = await deps.decisions.ballots(tenant, community.id, decision.id);
  const outbound = (d: Decision, b: readonly Ballot[]) => {
    const card = decisionCard(locale, tenant.id, d, b);
    // The key makes a post retried after an unknown outcome land once (as events' cards do).
    return { text: plainText(card), blocks: card, key: `decision-card#${community.id}#${d.id}` };
  };
  if (!decision.messageId) {
    const { messageId } = await deps.messenger.postInChannel(tenant, decision.channelId, outbound(decision, ballots));
    // A vote or a close may save the decision between reading and saving: save on the newest version.
    for (let attempt = 0; attempt < 5 && decision; attempt++) {
      if ((await deps.decisions.save(tenant, { ...decision, messageId, version: decision.version + 1 })) === 'saved') return;
      decision = await deps.decisions.get(tenant, community.id, job.ref);
    }
    throw new Error(`decision ${job.ref}: card posted as ${messageId} but not recorded`);
  }
  for (let round = 0; round < REDRAWS && decision?.messageId; round++) {
    await deps.messenger.updateMessage(tenant, decision.channelId, decision.messageId, outbound(decision, ballots));
    const drawn = drawnFrom(decision, ballots);
    const [now, nowBallots]: [Decision | undefined, Ballot[]] = await Promise.all([
      deps.decisions.get(tenant, community.id, job.ref),
      deps.decisions.ballots(tenant, community.id, job.ref),
    ]);
    if (!now || drawnFrom(now, nowBallots) === drawn) return;
    [decision, ballots] = [now, nowBallots];
  }
}

/** One person's position and reason, as the card's thread shows it (anonymous decisions: without the name). */
export function reasonLine(locale: Locale, decision: Decision, ballot: Ballot): string | undefined {
  const index = ballot.values[0] ?? -1;
  const position = decision.kind === 'proposal' ? positions[index] : decision.kind === 'sense' ? senses[index] : undefined;
  if (!position || !ballot.reason) return undefined;
  const who = decision.anonymous ? t(locale, 'decision.thread.someone') : `<@${ballot.userId}>`;
  return t(locale, `decision.thread.${position}`, { who, reason: clip(ballot.reason, REASON_SHOWN) });
}

/**
 * Posts someone's reason in the card's thread (`ref` is `<decision>#<user>`), as their ballot is when it
 * runs: a reason changed meanwhile is posted as it now reads, a reason taken back is not posted. Each
 * version of a ballot is posted once (claimed by when it was cast), however often the job is delivered.
 * Before the card is posted there is no thread: it throws, and the outbox tries again later.
 */
export async function runDecisionThreadJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [decisionId = '', userId = ''] = job.ref.split('#');
  const decision = await deps.decisions.get(tenant, community.id, decisionId);
  if (!decision) return;
  const ballot = await deps.decisions.ballot(tenant, community.id, decisionId, userId);
  const text = ballot && reasonLine(communityLocaleOf(community, deps), decision, ballot);
  if (!ballot || !text) return;
  const { messageId } = decision;
  if (!messageId) throw new Error(`decision ${decisionId}: no card to thread the reason of ${userId} under yet`);
  const key = `decision-reason#${community.id}#${decisionId}#${userId}#${ballot.at}`;
  await claimed(deps, `${tenant.platform}#${tenant.id}#${key}`, () =>
    deps.messenger.postInThread(tenant, decision.channelId, messageId, { ...plainMessage(text), key }),
  );
}

/** The decision's card in the channel, posted once and redrawn in place; reasons posted in its thread. */
export const decisionCardJobs: Readonly<Record<string, JobRunner>> = {
  'decision.card': runDecisionCardJob,
  'decision.thread': runDecisionThreadJob,
};
