import type { Community } from '../community/model.ts';
import { isLeader, resolveCommunity } from '../kernel/context.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { type MessageKey, t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { DecisionCommandOf } from './commands.ts';
import type { Decision } from './model.ts';

/** Where a decision's button or modal says it belongs. */
type Where = Pick<DecisionCommandOf<'decision.event'>, 'tenantId' | 'communityId' | 'decisionId'>;

/** What acting on a decision's result finds: its community, the reader's and the channel's languages, the decision. */
export interface DecisionScope {
  readonly community: Community;
  readonly locale: Locale;
  readonly communityLocale: Locale;
  readonly decision: Decision;
}

/** What to say when the decision is gone, and to someone in the community who is neither its author nor a leader. */
export interface ScopeWords {
  readonly gone: MessageKey;
  readonly forbidden: MessageKey;
}

/**
 * The decision a button names (closing it, its statement, acting on its result), for its author or a
 * leader. A button naming another tenant or community, or sent from a direct message by anyone else (a
 * forwarded DM), is refused; others in the community are told who may. Nothing changes either way.
 */
export async function decisionForActing(
  cmd: Where,
  ctx: CommandContext,
  deps: CoreDeps,
  words: ScopeWords = { gone: 'decision.stages.gone', forbidden: 'decision.stages.forbidden' },
): Promise<DecisionScope | { reply: Reply }> {
  const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
  if ('reply' in resolved) return resolved;
  const { locale, communityLocale } = resolved;
  const { community } = resolved.snapshot;
  if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return { reply: ephemeral(t(locale, 'forged.refused')) };
  const decision = await deps.decisions.get(ctx.tenant, community.id, cmd.decisionId);
  if (!decision) return { reply: ephemeral(t(locale, words.gone)) };
  if (decision.authorId !== ctx.userId && !(await isLeader(community, ctx)))
    return { reply: ephemeral(t(locale, ctx.tenantFromId ? 'forged.refused' : words.forbidden)) };
  return { community, locale, communityLocale, decision };
}
