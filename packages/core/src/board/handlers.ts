import { leadersOnly } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { BoardCommand } from './commands.ts';
import { boardJob } from './draw.ts';

/**
 * `board`: the first time, records the board on the community (on a condition, so two racing commands
 * post once: the second runs again and finds the first) and hands its post to the outbox; when a board is
 * up, redraws it in place. `board off`: forgets it and takes its pin back.
 */
export const putUpBoard: Handler<BoardCommand> = leadersOnly('board.forbidden', async (cmd, ctx, deps, { community, locale }) => {
  const now = deps.now();
  const board = community.board;
  if (cmd.action === 'off') {
    if (!board) return ephemeral(t(locale, 'board.none', { channel: community.homeChannelId }));
    await deps.boards.forget(community.tenant, community.id, board.since);
    if (board.messageId) await deps.deferred.run([boardJob('board.unpin', community, `${board.channelId}#${board.messageId}`, now)]);
    return ephemeral(t(locale, 'board.stopped', { channel: board.channelId }));
  }
  if (board) {
    await deps.deferred.run([boardJob('board.redraw', community, board.since, now)]);
    return ephemeral(t(locale, 'board.redrawn', { channel: board.channelId }));
  }
  const since = now.toISOString();
  const started = await deps.boards.start(community.tenant, community.id, { channelId: community.homeChannelId, since, by: ctx.userId });
  // Writing directly (a rerun after a conflict), a board that appeared meanwhile is redrawn instead.
  if (started !== 'started') return ephemeral(t(locale, 'board.redrawn', { channel: community.homeChannelId }));
  await deps.deferred.run([boardJob('board.post', community, since, now)]);
  return ephemeral(t(locale, 'board.started', { channel: community.homeChannelId }));
});
