import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { TaskCommandOf } from './commands.ts';
import { actionsFor, isSettledBack, type Task } from './model.ts';
import { sendCard } from './notify.ts';
import { onTask, refusal, taskModal } from './on-task.ts';

/** Offer anew: the leader who asked picks the next person for a task declined or handed back. */
export const reofferHandlers: Handlers<TaskCommandOf<'task.reoffer.open' | 'task.reoffer'>> = {
  'task.reoffer.open': onTask(async (cmd, ctx, _deps, scope) => {
    const { locale, task } = scope;
    if (!task || !actionsFor(task, ctx.userId).includes('reoffer')) return refusal(locale, ctx, task);
    return taskModal('task.reoffer', cmd, scope, task, { id: 'who', users: [], multiline: false, required: true, maxLength: 2000 });
  }),

  'task.reoffer': onTask(async (cmd, ctx, deps, { community, locale, task, answer }) => {
    if (task && task.createdBy !== ctx.userId) return refusal(locale, ctx, task);
    if (!task || !isSettledBack(task)) return answer(t(locale, 'task.gone'));
    const picked = (cmd.userIds ?? '').split(/\s+/).filter((id) => /^[A-Z0-9]{1,30}$/.test(id));
    if (picked.length !== 1) {
      const text = t(locale, 'task.reoffer.pickOne');
      return { kind: 'fieldErrors', errors: { who: text }, text };
    }
    const [owner] = picked as [string];
    const at = deps.now().toISOString();
    // Conditional on it still being back with this leader: a second submit offers it to nobody else.
    const saved = await deps.tasks.reoffer(ctx.tenant, community.id, task.id, ctx.userId, owner, at);
    if (saved === 'conflict') return answer(t(locale, 'task.gone'));
    const { reason: _reason, ...rest } = task;
    const offered: Task = { ...rest, ownerId: owner, status: 'proposed', updatedAt: at };
    await sendCard(community, offered, ctx, deps);
    return answer(t(locale, 'task.reoffered', { user: owner, title: task.title }), offered);
  }),
};
