import type { Community } from '../community/model.ts';
import { localeFor, resolveCommunity } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { Member } from '../members/model.ts';
import type { DecisionCommand } from './commands.ts';
import { type Ineligible, mayVote } from './eligibility.ts';
import type { Ballot, Decision } from './model.ts';

/** What a decision's button or modal says it belongs to. */
export interface Where {
  readonly tenantId: string;
  readonly communityId: string;
  readonly decisionId: string;
}

/**
 * What a voting path reads with the decision. `opening` a modal: the person's ballot (to prefill it) and
 * member record (to refuse before the modal opens), in one BatchGetItem. `casting` a vote: the decision
 * alone (one GetItem, with a toggling voter's picks on it); the store's transaction tells a repeat from a
 * change and checks the member record.
 */
export type Reading = 'opening' | 'casting';

/** A decision found where its button said, with the community and the reader's language. */
export interface Found {
  readonly community: Community;
  readonly locale: Locale;
  readonly decision: Decision;
  /** `opening`: the person's ballot on it, if any. */
  readonly current?: Ballot;
  /** `opening`: their member record, read (present even when there is none). */
  readonly member?: { readonly record: Member | undefined };
  /** `casting` a toggle: the options they have chosen so far. */
  readonly picks?: readonly number[];
}

/**
 * The decision a button or modal names, checked against who sent it: an id naming another tenant or
 * community is refused (`forged.refused`, nothing read further), one naming no decision of that community
 * is answered kindly. Clicks from direct messages carry the community in the id, so it is looked up there.
 */
export async function decisionAt(where: Where, ctx: CommandContext, deps: CoreDeps, reading: Reading): Promise<Found | { reply: Reply }> {
  const resolved = await resolveCommunity({ ...ctx, channelId: where.communityId }, deps);
  const locale = 'reply' in resolved ? localeFor(undefined, ctx, deps) : resolved.locale;
  if (where.tenantId !== ctx.tenant.id) return { reply: ephemeral(t(locale, 'forged.refused')) };
  if ('reply' in resolved) return resolved;
  const { community } = resolved.snapshot;
  if (community.id !== where.communityId) return { reply: ephemeral(t(locale, 'forged.refused')) };
  const read =
    reading === 'opening'
      ? await deps.decisions.voter(ctx.tenant, community.id, where.decisionId, ctx.userId).then((r) => ({
          decision: r.decision,
          ...(r.ballot ? { current: r.ballot } : {}),
          member: { record: r.member },
        }))
      : await deps.decisions.forVote(ctx.tenant, community.id, where.decisionId, ctx.userId);
  const { decision } = read;
  if (!decision || decision.communityId !== community.id) return { reply: ephemeral(t(locale, 'decision.vote.gone')) };
  return { ...read, community, locale, decision };
}

/** Whether the decision still takes votes: open, and its closing time not passed (the tick may not have sealed it yet). */
export const takesVotes = (decision: Decision, now: Date) => decision.status === 'open' && now.getTime() < Date.parse(decision.closesAt);

/**
 * Why this person may not vote, in words: someone who is not a member clicking a button from a direct
 * message (whose id anyone could type) is refused as a forged click.
 */
export function ineligible(found: Found, ctx: CommandContext, why: Ineligible): Reply {
  if (why === 'notMember' && ctx.tenantFromId) return ephemeral(t(found.locale, 'forged.refused'));
  const role = found.decision.electorate.kind === 'role' ? found.decision.electorate.role : '';
  return ephemeral(t(found.locale, `decision.vote.ineligible.${why}`, { role }));
}

/**
 * Why this person may not vote here now, as the answer to give (undefined when they may): it has closed,
 * or they are not among its electorate. Whether someone the community item does not name has a member
 * record is known here only when it was read (`opening`); a vote checks it in its transaction.
 */
export function votingRefusal(found: Found, ctx: CommandContext, now: Date): Reply | undefined {
  const { decision, community, locale } = found;
  if (!takesVotes(decision, now)) return ephemeral(t(locale, 'decision.vote.closed', { title: decision.title }));
  const may = mayVote(decision, community, ctx.userId);
  if (may === true || (may === 'ifMember' && (!found.member || found.member.record))) return undefined;
  return ineligible(found, ctx, may === 'ifMember' ? 'notMember' : may);
}

type Voting = Extract<DecisionCommand, Where & { type: string }>;

/**
 * A voting handler: finds the decision its id names, refuses what must be refused (forged, gone, closed,
 * not eligible), then runs `act` with what was found.
 */
export function voting<C extends Voting>(
  reading: Reading,
  act: (cmd: C, found: Found, ctx: CommandContext, deps: CoreDeps) => Promise<Reply>,
): Handler<C> {
  return async (cmd, ctx, deps) => {
    const found = await decisionAt(cmd, ctx, deps, reading);
    if ('reply' in found) return found.reply;
    return votingRefusal(found, ctx, deps.now()) ?? act(cmd, found, ctx, deps);
  };
}
