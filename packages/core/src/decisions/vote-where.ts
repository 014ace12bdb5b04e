import type { Community } from '../community/model.ts';
import { localeFor, resolveCommunity } from '../kernel/context.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { Member } from '../members/model.ts';
import { mayVote } from './eligibility.ts';
import type { Ballot, Decision } from './model.ts';

/** What a decision's button or modal says it belongs to. */
export interface Where {
  readonly tenantId: string;
  readonly communityId: string;
  readonly decisionId: string;
}

/** A decision found where its button said, with the community and the reader's language. */
export interface Found {
  readonly community: Community;
  readonly locale: Locale;
  readonly decision: Decision;
  /** The person's ballot on it, if any (read beside the decision, not after it). */
  readonly current: Ballot | undefined;
  /** Their member record (read with the decision, for who may vote). */
  readonly member: Member | undefined;
}

/**
 * The decision a button or modal names, checked against who sent it: an id naming another tenant or
 * community is refused (`forged.refused`, nothing read further), one naming no decision of that community
 * is answered kindly. Clicks from direct messages carry the community in the id, so it is looked up there.
 * The sender's own ballot is read at the same time (every voting path needs it: to toggle, prefill, or
 * see that nothing changed).
 */
export async function decisionAt(where: Where, ctx: CommandContext, deps: CoreDeps): Promise<Found | { reply: Reply }> {
  const resolved = await resolveCommunity({ ...ctx, channelId: where.communityId }, deps);
  const locale = 'reply' in resolved ? localeFor(undefined, ctx, deps) : resolved.locale;
  if (where.tenantId !== ctx.tenant.id) return { reply: ephemeral(t(locale, 'forged.refused')) };
  if ('reply' in resolved) return resolved;
  const { community } = resolved.snapshot;
  if (community.id !== where.communityId) return { reply: ephemeral(t(locale, 'forged.refused')) };
  const { decision, ballot: current, member } = await deps.decisions.voter(ctx.tenant, community.id, where.decisionId, ctx.userId);
  if (!decision || decision.communityId !== community.id) return { reply: ephemeral(t(locale, 'decision.vote.gone')) };
  return { community, locale, decision, current, member };
}

/** Whether the decision still takes votes: open, and its closing time not passed (the tick may not have sealed it yet). */
export const takesVotes = (decision: Decision, now: Date) => decision.status === 'open' && now.getTime() < Date.parse(decision.closesAt);

/**
 * Why this person may not vote here now, as the answer to give (undefined when they may): it has closed,
 * or they are not among its electorate, each reason in its own words. Someone who is not a member clicking
 * a button from a direct message (whose id anyone could type) is refused as a forged click.
 */
export async function votingRefusal(found: Found, ctx: CommandContext, deps: CoreDeps): Promise<Reply | undefined> {
  const { decision, community, locale } = found;
  if (!takesVotes(decision, deps.now())) return ephemeral(t(locale, 'decision.vote.closed', { title: decision.title }));
  const may = await mayVote(decision, community, ctx.userId, deps, { member: found.member });
  if (may === true) return undefined;
  if (may === 'notMember' && ctx.tenantFromId) return ephemeral(t(locale, 'forged.refused'));
  const role = decision.electorate.kind === 'role' ? decision.electorate.role : '';
  return ephemeral(t(locale, `decision.vote.ineligible.${may}`, { role }));
}
