import { leadersOnly } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { StatusCommand } from './commands.ts';
import { stages } from './stages.ts';

/** What a leader may say about why a stage is done: a line, shown on the status card. */
export const REASON_MAX = 200;

/**
 * `stage done <n> [reason]` and `stage undo <n>` (leaders): marks a stage done in the leaders' judgement,
 * or takes the mark back. The checklist still counts: `status` shows the mark, who made it and why, beside it.
 */
export const markStage: Handler<Extract<StatusCommand, { type: 'stage.mark' }>> = leadersOnly(
  'stage.forbidden',
  async (cmd, ctx, deps, { locale, community }) => {
    const typed = (cmd.number ?? '').trim();
    const n = /^\d{1,2}$/.test(typed) ? Number(typed) : 0;
    const stage = stages[n - 1];
    if (!stage) return ephemeral(t(locale, 'stage.number.invalid', { count: stages.length }));
    const reason = (cmd.reason ?? '').replace(/\s+/g, ' ').trim();
    if (reason.length > REASON_MAX) return ephemeral(t(locale, 'stage.reason.tooLong', { max: REASON_MAX }));
    const at = deps.now().toISOString();
    const mark = cmd.action === 'done' ? { by: ctx.userId, at, ...(reason ? { reason } : {}) } : undefined;
    const saved = await deps.store.markStage(ctx.tenant, community.id, stage.id, mark, at);
    const vars = { n, stage: t(locale, stage.name) };
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'unchanged') return ephemeral(t(locale, mark ? 'stage.already' : 'stage.notMarked', vars));
    return ephemeral(t(locale, mark ? 'stage.marked' : 'stage.unmarked', vars));
  },
);
