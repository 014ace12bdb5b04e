import { communityZone } from '../community/model.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { clip } from '../kernel/text.ts';
import type { TaskCommandOf } from './commands.ts';
import { actionsFor } from './model.ts';
import { tellOtherSide } from './notify.ts';
import { onTask, refusal, taskModal } from './on-task.ts';

/** Reschedule: the owner or the leader who asked gives an open task a new due date; the other side hears of it. */
export const rescheduleHandlers: Handlers<TaskCommandOf<'task.due.open' | 'task.due.save'>> = {
  'task.due.open': onTask(async (cmd, ctx, _deps, scope) => {
    const { locale, task } = scope;
    if (!task || !actionsFor(task, ctx.userId).includes('due')) return refusal(locale, ctx, task);
    return taskModal('task.due', cmd, scope, task, {
      id: 'due',
      ...(task.due ? { value: task.due.date } : {}),
      multiline: false,
      required: true,
      maxLength: 100,
    });
  }),

  'task.due.save': onTask(async (cmd, ctx, deps, { community, locale, task, answer }) => {
    if (!task || !actionsFor(task, ctx.userId).includes('due')) {
      if (task && task.ownerId !== ctx.userId && task.createdBy !== ctx.userId) return refusal(locale, ctx, task);
      return answer(t(locale, 'task.gone'));
    }
    const typed = (cmd.due ?? '').trim();
    const now = deps.now();
    const dates = await import('../kernel/due-date.ts');
    const read = typed ? dates.readDue(typed, communityZone(community), now, locale) : undefined;
    if (!read || !('due' in read)) {
      const text =
        read && 'problem' in read && read.problem === 'past'
          ? dates.pastText(locale, read.understood, communityZone(community))
          : t(locale, 'task.due.bad', { due: clip(typed.replace(/[`<>*]/g, ''), 60) });
      return { kind: 'fieldErrors', errors: { due: text }, text };
    }
    const { due } = read;
    // Shown in each reader's own calendar (and clock, for a due time).
    const date = `<t:${due.dueAt}:${'time' in due && due.time ? 'f' : 'D'}>`;
    if (task.due?.date === due.date) return answer(t(locale, 'task.due.same', { title: task.title, date }));
    const at = now.toISOString();
    const saved = await deps.tasks.reschedule(ctx.tenant, community.id, task.id, due, task.updatedAt, at);
    if (saved === 'conflict') return answer(t(locale, 'task.gone'));
    await tellOtherSide(
      ctx,
      deps,
      task,
      (l) => t(l, 'task.notify.rescheduled', { user: ctx.userId, title: task.title, date }),
      task.status === 'accepted',
      community,
    );
    return answer(t(locale, 'task.due.moved', { title: task.title, date }), { ...task, due, updatedAt: at });
  }),
};
