import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { buttons } from './card.ts';
import type { TaskCommandOf } from './commands.ts';
import { LIST_LIMIT, lineOf, listBlocks } from './list.ts';
import { sortTasks, type Task, titleMatches } from './model.ts';
import { answers, notices, tellOtherSide } from './notify.ts';

/** `done <words>`: the caller's own task found by a word of its title (or its id, suggested while typing on Discord). */
export const doneHandlers: Handlers<TaskCommandOf<'task.done' | 'tasks.suggest'>> = {
  'task.done': inCommunity(async (cmd, ctx, deps, { snapshot, locale }) => {
    const { community } = snapshot;
    const query = (cmd.query ?? '').trim();
    if (!query) return ephemeral(t(locale, 'task.done.usage'));
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const open = sortTasks(await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT), nowSeconds).filter(
      (task) => task.ownerId === ctx.userId,
    );
    const exact = open.filter((task) => task.id === query);
    const matching = exact.length > 0 ? exact : open.filter((task) => titleMatches(task.title, query));
    const quoted = clip(query.replace(/[`<>*]/g, ''), 60);
    if (matching.length === 0) {
      const lines = open.map((task, i) => lineOf(locale, task, i + 1, nowSeconds));
      return ephemeral(
        t(locale, 'task.done.none', { query: quoted }),
        lines.length > 0 ? `${t(locale, 'task.done.yours')}\n${linesWithMore(locale, lines, { max: 30 })}` : t(locale, 'task.done.nothing'),
      );
    }
    if (matching.length > 1) {
      const blocks = listBlocks(locale, community, ctx.userId, matching, { filter: 'mine', word: query }, nowSeconds);
      return message('ephemeral', [{ type: 'text', text: t(locale, 'task.done.which', { query: quoted }) }, ...blocks.slice(1)]);
    }
    const [task] = matching as [Task];
    if (task.status !== 'accepted')
      return message('ephemeral', [
        { type: 'text', text: t(locale, 'task.done.notYet', { title: task.title }) },
        buttons(locale, community, task, ['accept', 'decline']),
      ]);
    const moved = await deps.tasks.move(ctx.tenant, community.id, task.id, ctx.userId, 'accepted', 'done', deps.now().toISOString());
    if (moved === 'conflict') return ephemeral(t(locale, 'task.gone'));
    await tellOtherSide(ctx, deps, task, (l) => t(l, notices.done, { user: ctx.userId, title: task.title }), false, community);
    return ephemeral(t(locale, answers.done, { title: task.title }));
  }),

  'tasks.suggest': async (cmd, ctx, deps) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found') return { kind: 'choices', choices: [] };
    const { community } = found.snapshot;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const query = cmd.query.trim();
    const mine = sortTasks(await deps.tasks.list(ctx.tenant, community.id, LIST_LIMIT), nowSeconds).filter(
      (task) => task.ownerId === ctx.userId && task.status === 'accepted' && (!query || titleMatches(task.title, query)),
    );
    return { kind: 'choices', choices: mine.slice(0, 25).map((task) => ({ name: clip(task.title, 100), value: task.id })) };
  },
};
