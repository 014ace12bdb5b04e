import type { Community } from '../community/model.ts';
import { communityLocaleOf, personLocale } from '../kernel/context.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import { type Job, sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { shown } from '../kernel/text.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { outcomeSummary, outcomeText } from './close-text.ts';
import { eligiblePeople } from './eligibility.ts';
import { statementId } from './ids.ts';
import type { Decision } from './model.ts';
import { settleSubject } from './subject.ts';
import { tally } from './tally.ts';

/** The card's thread, or its channel while the card has no message yet. */
export const threadOf = (decision: Decision) =>
  decision.messageId ? { thread: { channel: decision.channelId, message: decision.messageId } } : { channel: decision.channelId };

/** The card redrawn from the decision as it is when the job runs (the card part renders it). */
export const cardJob = (community: Community, decision: Decision, deps: CoreDeps): Job => ({
  kind: 'decision.card',
  tenant: community.tenant,
  communityId: community.id,
  ref: decision.id,
  minute: minuteOf(deps.now()),
});

/** What closing posts, once: the outcome in the thread, the card redrawn, the author asked for the outcome statement. */
async function announce(decision: Decision, community: Community, deps: CoreDeps): Promise<void> {
  const { outcome } = decision;
  if (!outcome) return;
  const { tenant } = community;
  const locale = communityLocaleOf(community, deps);
  await loadLocale(locale);
  const thread: Block[] = [
    { type: 'header', text: t(locale, 'decision.close.header', { title: shown(decision.title) }) },
    { type: 'text', text: outcomeText(locale, decision, outcome) },
    { type: 'context', text: t(locale, 'decision.close.statementAsked', { author: `<@${decision.authorId}>` }) },
  ];
  const theirs = await personLocale(deps, community, decision.authorId);
  const ask: Block[] = [
    {
      type: 'text',
      text: t(theirs, 'decision.close.ask', { title: shown(decision.title), outcome: outcomeSummary(theirs, decision, outcome) }),
    },
    {
      type: 'actions',
      buttons: [{ id: statementId(tenant.id, community.id, decision.id), label: t(theirs, 'decision.close.ask.button'), primary: true }],
    },
  ];
  // A passed proposal about the strategy or a campaign's plan is recorded there (the stores make a repeat a no-op).
  await settleSubject(decision, community, deps);
  await deps.deferred.run([
    sendJob(tenant, threadOf(decision), { text: plainText(thread), blocks: thread }),
    cardJob(community, decision, deps),
    sendJob(tenant, { member: decision.authorId }, { text: plainText(ask), blocks: ask }),
  ]);
}

/**
 * Closes a decision: sealed against new ballots, its ballots counted by its rule among those who could
 * vote, the outcome kept, then announced. Whoever finds it closed announces it under one claim, so the
 * outcome is posted once however many ticks or hands close it, and a close that died after sealing or
 * after closing is finished by the next attempt (the due item stays until this returns).
 * 'closed' when it is closed now, 'missing' when there is no such decision.
 */
export async function closeDecision(id: string, community: Community, deps: CoreDeps): Promise<'closed' | 'missing'> {
  const { tenant } = community;
  const sealed = await deps.decisions.seal(tenant, community.id, id);
  if (sealed === 'missing') return 'missing';
  if (sealed === 'sealed') {
    const [decision, ballots] = await Promise.all([
      deps.decisions.get(tenant, community.id, id),
      deps.decisions.ballots(tenant, community.id, id),
    ]);
    if (!decision) return 'missing';
    if (decision.status === 'closing') {
      // Someone who voted could vote: the count of who could is never below the ballots.
      const eligible = new Set([...(await eligiblePeople(decision, community, deps)), ...ballots.map((b) => b.userId)]);
      const outcome = tally(decision, ballots, eligible.size);
      await deps.decisions.close(tenant, { ...decision, status: 'closed', closedAt: deps.now().toISOString(), outcome });
    }
  }
  const closed = await deps.decisions.get(tenant, community.id, id);
  if (!closed) return 'missing';
  // Only while another close is between its count and its write: the next attempt finds it closed.
  if (closed.status !== 'closed') throw new Error(`decision ${id} is still being closed`);
  await claimed(deps, `decision#${tenant.platform}#${tenant.id}#${community.id}#${id}#closed`, () => announce(closed, community, deps));
  await deps.due.remove(tenant, community.id, 'decision', `${id}#remind`);
  return 'closed';
}
