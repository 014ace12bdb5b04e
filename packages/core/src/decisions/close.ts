import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import { retryOnConflict } from '../kernel/rate.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, fieldErrors, plainText } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { clip, shown } from '../kernel/text.ts';
import { cardJob, threadOf } from './close-run.ts';
import type { DecisionCommand } from './commands.ts';
import { decisionDue } from './due.ts';
import { decisionState } from './ids.ts';
import { decisionForActing } from './stages-scope.ts';

/** An outcome statement's length: it is posted in a thread (Discord's messages hold 2000 characters). */
const STATEMENT = 1500;

export const decisionCloseHandlers: Pick<
  Handlers<DecisionCommand>,
  'decision.close' | 'decision.statement.open' | 'decision.statement.save'
> = {
  /**
   * Closing early takes the same path as closing on time: its due close is moved to this minute and handed
   * to the worker, which seals, counts and announces it once (a tick finding it due meanwhile is the same
   * attempt, held once). The reminder goes.
   */
  'decision.close': async (cmd, ctx, deps) => {
    const found = await decisionForActing(cmd, ctx, deps, { gone: 'decision.close.gone', forbidden: 'decision.close.forbidden' });
    if ('reply' in found) return found.reply;
    const { community, locale, decision } = found;
    if (decision.status !== 'open') return ephemeral(t(locale, 'decision.close.already', { title: decision.title }));
    const minute = minuteOf(deps.now());
    const close = decisionDue(community, decision.id, 'close');
    await deps.due.put({ ...close, minute });
    await deps.due.remove(ctx.tenant, community.id, 'decision', decisionDue(community, decision.id, 'remind').ref);
    await deps.deferred.run([{ ...close, kind: 'decision', minute }]);
    return ephemeral(t(locale, 'decision.close.now', { title: decision.title }));
  },

  'decision.statement.open': async (cmd, ctx, deps) => {
    const found = await decisionForActing(cmd, ctx, deps, { gone: 'decision.close.gone', forbidden: 'decision.close.statement.forbidden' });
    if ('reply' in found) return found.reply;
    const { community, locale, decision } = found;
    if (decision.status !== 'closed') return ephemeral(t(locale, 'decision.close.statement.open', { title: decision.title }));
    return {
      kind: 'modal',
      modal: {
        id: 'decision.statement',
        state: decisionState(ctx.tenant.id, community.id, decision.id),
        title: t(locale, 'decision.close.statement.title'),
        submit: t(locale, 'decision.close.statement.submit'),
        fields: [
          {
            id: 'statement',
            label: t(locale, 'decision.close.statement.label'),
            multiline: true,
            required: true,
            maxLength: STATEMENT,
            ...(decision.statement ? { value: decision.statement } : {}),
          },
        ],
      },
    };
  },

  /** Kept on the decision (version-guarded) and posted in the card's thread; the same text again changes nothing. */
  'decision.statement.save': async (cmd, ctx, deps) => {
    const found = await decisionForActing(cmd, ctx, deps, { gone: 'decision.close.gone', forbidden: 'decision.close.statement.forbidden' });
    if ('reply' in found) return found.reply;
    const { community, locale, communityLocale } = found;
    const statement = clip((cmd.statement ?? '').trim(), STATEMENT);
    if (!statement) return fieldErrors({ statement: t(locale, 'decision.close.statement.empty') });
    const saved = await retryOnConflict(async () => {
      const current = await deps.decisions.get(ctx.tenant, community.id, cmd.decisionId);
      if (current?.status !== 'closed') return current ?? 'gone';
      if (current.statement === statement) return { decision: current, changed: false };
      const next = { ...current, statement, statementBy: ctx.userId, version: current.version + 1 };
      return (await deps.decisions.save(ctx.tenant, next)) === 'saved' ? { decision: next, changed: true } : 'conflict';
    });
    if (saved === 'conflict') return ephemeral(t(locale, 'decision.close.statement.conflict'));
    if (saved === 'gone') return ephemeral(t(locale, 'decision.close.gone'));
    if (!('changed' in saved)) return ephemeral(t(locale, 'decision.close.statement.open', { title: saved.title }));
    const { decision } = saved;
    if (saved.changed) {
      const posted: Block[] = [
        {
          type: 'text',
          text: t(communityLocale, 'decision.close.statement.posted', { author: `<@${ctx.userId}>`, statement: shown(statement) }),
        },
      ];
      await deps.deferred.run([
        sendJob(ctx.tenant, threadOf(decision), { text: plainText(posted), blocks: posted }),
        cardJob(community, decision, deps),
      ]);
    }
    return ephemeral(t(locale, 'decision.close.statement.saved', { title: decision.title }));
  },
};
