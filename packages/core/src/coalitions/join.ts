import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { canonicalTyping, normaliseCode } from './code.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { busyReply, forCoordinator, memberOf, safe } from './create.ts';
import { COALITION_MAX } from './model.ts';
import { announceJob } from './notice.ts';

/** What is asked of the code store for a malformed code: it cannot be a code, but it counts as a failed try. */
const MALFORMED_MAX = 40;

/**
 * `coalition join <code>`: the coordinator (or an admin) accepts an invitation for this community. Who may
 * accept is checked before the code is used, so someone else trying it leaves it good for the coordinator;
 * a community in a coalition already is told so before the code is spent. Every try that is not a good code,
 * malformed ones too, counts against this channel's tries, so codes cannot be guessed by typing near-codes.
 */
export const coalitionJoinHandlers: Handlers<CoalitionCommandOf<'coalition.join'>> = {
  'coalition.join': forCoordinator(async (cmd, ctx, deps, scope) => {
    const { community, locale } = scope;
    const typed = (cmd.code ?? '').trim();
    if (!typed) return ephemeral(t(locale, 'coalition.join.noCode'));
    if (community.coalition) return busyReply(community, ctx, deps, scope);
    const code = normaliseCode(typed);
    const place = { tenant: ctx.tenant, channelId: ctx.channelId };
    const redeemed = await deps.codes.redeem(code ?? (clip(canonicalTyping(typed), MALFORMED_MAX, '') || '?'), place, deps.now());
    if (redeemed.kind === 'tooMany') return ephemeral(t(locale, 'coalition.join.tooMany'));
    if (!code) return ephemeral(t(locale, 'coalition.join.malformed', { typed: safe(clip(typed, 30)) }));
    if (redeemed.kind !== 'ok') return ephemeral(t(locale, `coalition.join.${redeemed.kind}`));
    // A code made for something else (linking a place) is no invitation: it is used up all the same.
    if (redeemed.issued.purpose !== 'coalition') return ephemeral(t(locale, 'coalition.join.unknown'));
    // The code names the coalition: joining needs no read of it (the store's conditions say full or gone).
    const { coalitionId, coalitionName } = redeemed.issued;
    const member = memberOf(community, ctx.userId, deps.now().toISOString());
    const vars = { community: safe(community.name), name: safe(coalitionName) };
    const joined = await deps.coalitions.join(coalitionId, member, coalitionName);
    if (joined === 'missing') return ephemeral(t(locale, 'coalition.gone'));
    if (joined === 'busy') return busyReply(community, ctx, deps, scope);
    if (joined === 'full') return ephemeral(t(locale, 'coalition.join.full', { name: vars.name, max: COALITION_MAX }));
    // Every member's channel is told by the worker, which reads who the members are then.
    await deps.deferred.run([announceJob('joined', coalitionId, member, deps.now())]);
    return ephemeral(t(locale, 'coalition.join.done', vars));
  }),
};
