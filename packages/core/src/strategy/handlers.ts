import type { Community, Strategy, StrategyField } from '../community/model.ts';
import { strategyFields } from '../community/model.ts';
import { proposeId } from '../decisions/ids.ts';
import { inCommunity, leadersOnly, seesAsLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block, Modal } from '../kernel/reply.ts';
import { ephemeral, fieldErrors, message } from '../kernel/reply.ts';
import { communityVersion } from '../story/model.ts';
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

/** Whether the community adopted this strategy version, or an earlier one, by a decision; undefined when neither. */
export function adoptionText(locale: Locale, community: Community): string | undefined {
  const adopted = community.strategyAdopted;
  if (!adopted) return undefined;
  const vars = { date: `<t:${Math.floor(Date.parse(adopted.at) / 1000)}:D>`, title: adopted.title, version: adopted.version };
  return t(locale, adopted.version === community.strategyVersion ? 'strategy.adopted' : 'strategy.adopted.older', vars);
}

/** Stage 4: leaders write the strategy (every save a version); everyone reads it. */
export const strategyHandlers: Handlers<StrategyCommand> = {
  strategy: inCommunity(async (_cmd, ctx, _deps, { locale, snapshot: { community } }) => {
    const written = strategyText(locale, community.strategy);
    const leader = await seesAsLeader(community, ctx);
    const adopted = adoptionText(locale, community);
    // Anyone in the community may put the strategy to a decision, once there is one to put.
    const propose = written ? [{ id: proposeId(ctx.tenant.id, community.id, 'strategy'), label: t(locale, 'strategy.propose') }] : [];
    const edit = leader ? [{ id: editStrategyId, label: t(locale, 'strategy.edit'), primary: !written }] : [];
    const blocks: Block[] = [
      { type: 'header', text: t(locale, 'strategy.title') },
      { type: 'text', text: written || t(locale, leader ? 'strategy.empty.leader' : 'strategy.empty') },
      ...(written ? [{ type: 'context' as const, text: t(locale, 'strategy.version', { version: community.strategyVersion }) }] : []),
      ...(written && adopted ? [{ type: 'context' as const, text: adopted }] : []),
      ...(edit.length + propose.length > 0 ? [{ type: 'actions' as const, buttons: [...edit, ...propose] }] : []),
    ];
    return message('ephemeral', blocks);
  }),

  'strategy.open': leadersOnly('strategy.forbidden', async (_cmd, _ctx, _deps, { locale, community }) => ({
    kind: 'modal',
    modal: strategyModal(locale, community.strategy),
  })),

  'strategy.save': leadersOnly('strategy.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const strategy: Strategy = {};
    const errors: Record<string, string> = {};
    for (const field of strategyFields) {
      const value = cmd[field]?.trim();
      if (!value) continue;
      if (value.length > strategyLimit)
        errors[field] = t(locale, 'strategy.tooLong', { field: t(locale, label(field)), max: strategyLimit });
      strategy[field] = value;
    }
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    if (Object.keys(strategy).length === 0) return ephemeral(t(locale, 'strategy.blank'));
    const version = community.strategyVersion + 1;
    const saved = await deps.store.saveStrategy(
      ctx.tenant,
      community.id,
      strategy,
      communityVersion('strategy', version, strategy, ctx.userId, deps.now()),
    );
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'strategy.conflict'));
    const done = strategyFields.filter((f) => strategy[f]).length;
    return ephemeral(t(locale, 'strategy.saved', { version, done, total: strategyFields.length }));
  }),
};
