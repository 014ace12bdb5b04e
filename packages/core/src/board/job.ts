import type { Community } from '../community/model.ts';
import type { JobRunner } from '../kernel/feature.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { isUndeliverable } from '../kernel/outbox.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { boardMessage } from './draw.ts';

/**
 * The platform says the message is not there any more (someone deleted it): Slack `message_not_found`,
 * Discord 10008 Unknown Message. Redrawing it again would fail the same way for ever.
 */
export function isMessageGone(error: unknown): boolean {
  const e = error as { code?: unknown; data?: { error?: unknown } } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'slack_webapi_platform_error') return e.data?.error === 'message_not_found';
  return e.code === 10008;
}

/** Pins or unpins; a refusal for good (no permission, not pinnable) leaves the board as it is, and says so in the log. */
async function pinned(deps: CoreDeps, community: Community, channelId: string, messageId: string, on: boolean): Promise<void> {
  const pin = deps.messenger.pin;
  if (!pin) return;
  try {
    await pin(community.tenant, channelId, messageId, on);
  } catch (error) {
    if (!isUndeliverable(error)) throw error;
    deps.log?.warn(on ? 'board left unpinned: the platform refused the pin' : 'board not unpinned: the platform refused', {
      community: community.id,
      channelId,
      messageId,
      error: String((error as Error).message ?? error),
    });
  }
}

/**
 * Posts the board in its channel and records where, then pins it. Run again (a retry after the post
 * landed, or a second `board`), it finds the message recorded and redraws and pins that one instead.
 */
export async function runBoardPost(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const board = community.board;
  if (!board || board.since !== job.ref) return;
  let messageId = board.messageId;
  if (messageId) await deps.messenger.updateMessage(community.tenant, board.channelId, messageId, await boardMessage(community, deps));
  else {
    messageId = (await deps.messenger.postInChannel(community.tenant, board.channelId, await boardMessage(community, deps))).messageId;
    if ((await deps.boards.placed(community.tenant, community.id, board.since, messageId)) === 'gone') {
      // Stopped (`board off`) while it was being posted: the message stays as a last picture, unpinned.
      deps.log?.warn('board stopped while it was posted: left unpinned and no longer updated', { community: community.id, messageId });
      return;
    }
  }
  await pinned(deps, community, board.channelId, messageId, true);
}

/**
 * Redraws the board in place from the community as it is now (so several changes in a row draw the
 * latest). Before its first post has landed there is nothing to redraw: the post draws the newest state.
 * A message someone deleted is forgotten, never retried.
 */
export async function runBoardRedraw(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const board = community.board;
  if (!board?.messageId || board.since !== job.ref) return;
  try {
    await deps.messenger.updateMessage(community.tenant, board.channelId, board.messageId, await boardMessage(community, deps));
  } catch (error) {
    if (!isMessageGone(error)) throw error;
    await deps.boards.forget(community.tenant, community.id, board.since);
    deps.log?.warn('board message was deleted: the board is forgotten', {
      community: community.id,
      channelId: board.channelId,
      messageId: board.messageId,
    });
  }
}

/** Takes the pin off a board that is no longer kept (`ref`: `<channel>#<message>`). */
export async function runBoardUnpin(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  // The message id may itself hold `#` (a message copied to linked places): only the first one splits.
  const cut = job.ref.indexOf('#');
  const [channelId, messageId] = cut < 0 ? ['', ''] : [job.ref.slice(0, cut), job.ref.slice(cut + 1)];
  if (channelId && messageId) await pinned(deps, community, channelId, messageId, false);
}

/** The board's jobs, by kind. */
export const boardJobs: Readonly<Record<string, JobRunner>> = {
  'board.post': runBoardPost,
  'board.redraw': runBoardRedraw,
  'board.unpin': runBoardUnpin,
};
