import type { Community } from '../community/model.ts';
import { resolveCommunity } from '../kernel/context.ts';
import type { AnyCommand, Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { MessageReply, ModalField, Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { OnTask } from './commands.ts';
import { taskModalState } from './ids.ts';
import { type ListView, listReply, viewOf } from './list.ts';
import type { Task } from './model.ts';

/** What a task button (or its modal) finds: the community its ids name, the task, and the list it sits on. */
export interface TaskScope {
  readonly community: Community;
  readonly locale: Locale;
  readonly task: Task | undefined;
  readonly view: ListView | undefined;
  /** The answer: on a list, the list redrawn with `text` on top (and `changed` shown as made); else `text`. */
  readonly answer: (text: string, changed?: Task) => Promise<MessageReply>;
}

/**
 * A handler of a task button or modal: it runs with the community and task the ids name, the community
 * being the one the ids carry (else the task is gone, as far as the reader can tell).
 */
export const onTask =
  <C extends OnTask & AnyCommand>(run: (cmd: C, ctx: CommandContext, deps: CoreDeps, scope: TaskScope) => Promise<Reply>): Handler<C> =>
  async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId } satisfies CommandContext, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const { community } = snapshot;
    if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return ephemeral(t(locale, 'task.gone'));
    const task = await deps.tasks.get(ctx.tenant, community.id, cmd.taskId);
    const view = viewOf(cmd);
    const answer = async (text: string, changed?: Task) =>
      view ? listReply(community, locale, ctx, deps, view, { note: text, ...(changed ? { changed } : {}) }) : ephemeral(text);
    return run(cmd, ctx, deps, { community, locale, task, view, answer });
  };

/** Why this reader cannot change the task (or that it has moved on). */
export function refusal(locale: Locale, ctx: CommandContext, task: Task | undefined): MessageReply {
  if (!task) return ephemeral(t(locale, 'task.gone'));
  if (task.ownerId !== ctx.userId && task.createdBy !== ctx.userId)
    return ephemeral(t(locale, 'task.notAsker', { leader: task.createdBy }));
  return ephemeral(t(locale, 'task.gone'));
}

/** A task's modal (decline, offer anew, reschedule): its texts from the catalog, its state naming the task and the list. */
export function taskModal(
  id: 'task.decline' | 'task.reoffer' | 'task.due',
  cmd: OnTask,
  { locale, community }: TaskScope,
  task: Task,
  field: Omit<ModalField, 'label' | 'hint'>,
): Reply {
  const { id: fieldId, ...rest } = field;
  const state = taskModalState({
    tenantId: community.tenant.id,
    communityId: community.id,
    taskId: task.id,
    view: cmd.view,
    word: cmd.word,
  });
  return {
    kind: 'modal',
    modal: {
      id,
      state,
      title: t(locale, `${id}.title`),
      submit: t(locale, `${id}.submit`),
      fields: [{ id: fieldId, label: t(locale, `${id}.label`), hint: t(locale, `${id}.hint`), ...rest }],
    },
  };
}
