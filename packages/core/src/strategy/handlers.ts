import type { Strategy, StrategyField } from '../community/model.ts';
import { strategyFields } from '../community/model.ts';
import { forLeaders, isLeader, resolveCommunity, seesAsLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block, Modal } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { COMMUNITY_OWNER } from '../story/model.ts';
import type { StrategyCommand } from './commands.ts';
import { editStrategyId } from './ids.ts';

export const strategyLimit = 1000;
const label = (field: StrategyField): MessageKey => `strategy.${field}.label`;

/** The strategy modal in the method's terms, prefilled with the current version. */
function strategyModal(locale: Locale, strategy: Strategy): Modal {
  return {
    id: 'strategy',
    title: t(locale, 'strategy.modal.title'),
    submit: t(locale, 'strategy.modal.submit'),
    fields: strategyFields.map((field) => ({
      id: field,
      label: t(locale, label(field)),
      hint: t(locale, `strategy.${field}.hint`),
      ...(strategy[field] ? { value: strategy[field] } : {}),
      multiline: field !== 'timeline',
      required: false,
      maxLength: strategyLimit,
    })),
  };
}

/** The strategy as the four parts written so far. */
export function strategyText(locale: Locale, strategy: Strategy): string {
  return strategyFields
    .filter((f) => strategy[f])
    .map((f) => `**${t(locale, label(f))}**\n${strategy[f]}`)
    .join('\n\n');
}

/** Stage 4: leaders write the strategy (every save a version); everyone reads it. */
export const strategyHandlers: Handlers<StrategyCommand> = {
  strategy: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const written = strategyText(locale, community.strategy);
    const leader = await seesAsLeader(community, ctx);
    const blocks: Block[] = [
      { type: 'header', text: t(locale, 'strategy.title') },
      { type: 'text', text: written || t(locale, leader ? 'strategy.empty.leader' : 'strategy.empty') },
      ...(written ? [{ type: 'context' as const, text: t(locale, 'strategy.version', { version: community.strategyVersion }) }] : []),
      ...(leader
        ? [{ type: 'actions' as const, buttons: [{ id: editStrategyId, label: t(locale, 'strategy.edit'), primary: !written }] }]
        : []),
    ];
    return message('ephemeral', blocks);
  },

  'strategy.open': async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    if (!(await isLeader(resolved.snapshot.community, ctx))) return ephemeral(t(resolved.locale, 'strategy.forbidden'));
    return { kind: 'modal', modal: strategyModal(resolved.locale, resolved.snapshot.community.strategy) };
  },

  'strategy.save': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'strategy.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const strategy: Strategy = {};
    const errors: Record<string, string> = {};
    for (const field of strategyFields) {
      const value = cmd[field]?.trim();
      if (!value) continue;
      if (value.length > strategyLimit)
        errors[field] = t(locale, 'strategy.tooLong', { field: t(locale, label(field)), max: strategyLimit });
      strategy[field] = value;
    }
    if (Object.keys(errors).length > 0) return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
    if (Object.keys(strategy).length === 0) return ephemeral(t(locale, 'strategy.blank'));
    const version = community.strategyVersion + 1;
    const saved = await deps.store.saveStrategy(ctx.tenant, community.id, strategy, {
      kind: 'strategy',
      owner: COMMUNITY_OWNER,
      version,
      parts: strategy as Record<string, string>,
      authorId: ctx.userId,
      createdAt: deps.now().toISOString(),
    });
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'strategy.conflict'));
    const done = strategyFields.filter((f) => strategy[f]).length;
    return ephemeral(t(locale, 'strategy.saved', { version, done, total: strategyFields.length }));
  },
};
