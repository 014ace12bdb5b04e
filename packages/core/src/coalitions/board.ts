import { localToday } from '../campaigns/handlers.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { boardBlocks } from './board-render.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { noneReply } from './create.ts';
import { isCommunity } from './notice.ts';

/**
 * `coalition status` (`board`): anyone in a member community sees every member's seven stages side by side.
 * One `board()` call (the coalition and its members' settings items); a community not in it sees nothing of it.
 */
export const coalitionBoardHandlers: Handlers<CoalitionCommandOf<'coalition.status'>> = {
  'coalition.status': inCommunity(async (cmd, _ctx, deps, scope) => {
    const { community } = scope.snapshot;
    if (!community.coalition) return noneReply(community, scope);
    const board = await deps.coalitions.board(community.coalition.id);
    // The settings' mark outlived the coalition, or this community is no member of it: nothing of it is shown.
    if (!board) return ephemeral(t(scope.locale, 'coalition.gone'));
    if (!board.coalition.members.some((m) => isCommunity(m, community.tenant, community.id))) return noneReply(community, scope);
    const settings = new Map(board.communities.map((c) => [`${c.tenant.platform}#${c.tenant.id}#${c.id}`, c]));
    const now = deps.now();
    // In the order they joined; the timezone database is loaded only for members running a campaign.
    const rows = await Promise.all(
      board.coalition.members.flatMap((m) => {
        const member = settings.get(`${m.tenant.platform}#${m.tenant.id}#${m.communityId}`);
        if (!member) return [];
        return [(async () => ({ community: member, ...(member.campaign ? { today: await localToday(member, now) } : {}) }))()];
      }),
    );
    return message('ephemeral', boardBlocks(scope.locale, board.coalition, rows, cmd.page));
  }),
};
