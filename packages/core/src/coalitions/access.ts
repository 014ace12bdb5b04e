import type { Community } from '../community/model.ts';
import { CoreError, isCoreError } from '../kernel/errors.ts';
import type { CommandContext } from '../kernel/ports.ts';

/**
 * Who may bind a community to a coalition (form one, invite, accept, leave): its coordinator, or a platform
 * admin (Slack admins and owners, Discord Manage Server). Role leads may not: the community's word is its
 * coordinator's. Throws `ADMIN.UNVERIFIED` when the platform could not say, as `isLeader` does.
 */
export async function speaksForCommunity(community: Community, ctx: CommandContext): Promise<boolean> {
  if (community.coordinatorId === ctx.userId) return true;
  try {
    return await ctx.isPlatformAdmin();
  } catch (error) {
    if (isCoreError(error, 'ADMIN.UNVERIFIED')) throw new CoreError('ADMIN.UNVERIFIED', ctx.userLocale ?? community.locale);
    throw error;
  }
}
