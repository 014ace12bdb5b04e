import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { buttons, dueText } from './card.ts';
import type { TaskCommandOf } from './commands.ts';
import { type Task, taskMoves } from './model.ts';
import { answers, notices, tellOtherSide } from './notify.ts';
import { onTask, taskModal } from './on-task.ts';

/** How much of a reason for declining is kept. */
const REASON_MAX = 500;

/** The owner's Accept, Decline (with its reason), Done and Hand back; the asking leader's Drop. */
export const moveHandlers: Handlers<TaskCommandOf<'task.move' | 'task.decline.open'>> = {
  'task.move': onTask(async (cmd, ctx, deps, { community, locale, task, view, answer }) => {
    if (!task) return answer(t(locale, 'task.gone'));
    const at = deps.now().toISOString();
    if (cmd.move === 'drop') {
      if (task.createdBy !== ctx.userId) return ephemeral(t(locale, 'task.notAsker', { leader: task.createdBy }));
      const dropped = await deps.tasks.drop(ctx.tenant, community.id, task.id, ctx.userId, at);
      if (dropped === 'conflict') return answer(t(locale, 'task.gone'));
      return answer(t(locale, 'task.dropped', { title: task.title }), { ...task, status: 'dropped', updatedAt: at });
    }
    if (task.ownerId !== ctx.userId) return ephemeral(t(locale, 'task.notYours'));
    const { from, to } = taskMoves[cmd.move];
    // One outcome per task however often a button is clicked: the move is conditional on the status.
    const reason = cmd.move === 'decline' && cmd.reason?.trim() ? clip(cmd.reason.replace(/\s+/g, ' ').trim(), REASON_MAX) : undefined;
    const moved = await deps.tasks.move(ctx.tenant, community.id, task.id, ctx.userId, from, to, at, reason);
    if (moved === 'conflict') return answer(t(locale, 'task.gone'));
    const notice = reason ? 'task.notify.declinedWhy' : notices[cmd.move];
    await tellOtherSide(
      ctx,
      deps,
      task,
      (l) => t(l, notice, { user: ctx.userId, title: task.title, reason: reason ?? '' }),
      cmd.move === 'accept',
      community,
    );
    const changed: Task = { ...task, status: to, updatedAt: at, ...(reason ? { reason } : {}) };
    if (view) {
      const note =
        cmd.move === 'accept'
          ? t(locale, 'task.accepted', { title: task.title, due: dueText(locale, task) })
          : t(locale, answers[cmd.move], { title: task.title });
      return answer(note, changed);
    }
    if (cmd.move !== 'accept') return ephemeral(t(locale, answers[cmd.move], { title: task.title }));
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'task.accepted', { title: task.title, due: dueText(locale, task) }) },
      buttons(locale, community, task, ['done', 'handBack', 'due']),
    ]);
  }),

  'task.decline.open': onTask(async (cmd, ctx, _deps, scope) => {
    const { locale, task } = scope;
    if (task && task.ownerId !== ctx.userId) return ephemeral(t(locale, 'task.notYours'));
    if (task?.status !== 'proposed') return scope.answer(t(locale, 'task.gone'));
    return taskModal('task.decline', cmd, scope, task, {
      id: 'reason',
      multiline: true,
      required: false,
      maxLength: REASON_MAX,
    });
  }),
};
