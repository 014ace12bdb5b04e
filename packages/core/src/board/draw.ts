import { localToday } from '../campaigns/handlers.ts';
import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { type OutboundMessage, plainText } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { statusBlocks } from '../status/handlers.ts';

/** The board's jobs: the first post (then the pin), a redraw in place, and taking the pin back. */
export type BoardJobKind = 'board.post' | 'board.redraw' | 'board.unpin';

/**
 * A board job for a community. `ref`: the board's `since` (post, redraw: a job for an older board then
 * does nothing), or `<channel>#<message>` (unpin, whose board is already forgotten).
 */
export const boardJob = (kind: BoardJobKind, community: Pick<Community, 'tenant' | 'id'>, ref: string, now: Date): DueJob => ({
  kind,
  tenant: community.tenant,
  communityId: community.id,
  ref,
  minute: minuteOf(now),
});

/**
 * The board as the channel sees it: the same seven stages, checklists and leader's next action as
 * `status`, in the community's language, drawn from the community as it is now.
 */
export async function boardMessage(community: Community, deps: Pick<CoreDeps, 'defaultLocale' | 'now'>): Promise<OutboundMessage> {
  const locale = communityLocaleOf(community, deps);
  // The timezone database is loaded only when a campaign's phase depends on today's date (as in `status`).
  const today = community.campaign ? await localToday(community, deps.now()) : undefined;
  const blocks = [...statusBlocks({ community }, locale, today), { type: 'context' as const, text: t(locale, 'board.footer') }];
  // The key makes a first post retried after an unknown outcome land once.
  return { text: plainText(blocks), blocks, key: `board#${community.id}#${community.board?.since ?? ''}` };
}
