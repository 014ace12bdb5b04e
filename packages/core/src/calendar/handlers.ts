import type { Community } from '../community/model.ts';
import { inCommunity, isLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import { ephemeral, type Reply } from '../kernel/reply.ts';
import type { CalendarCommand } from './commands.ts';
import type { CalendarDeps } from './port.ts';
import { feedToken, feedUrl } from './token.ts';

/** A new feed key: 128 random bits. */
const newKey = (deps: CoreDeps) => `${deps.newId()}${deps.newId()}`;

/** The community's key, made on first use; a key made meanwhile by someone else is the one kept. */
export async function keyOf(calendar: CalendarDeps, community: Community, deps: CoreDeps): Promise<string> {
  const found = await calendar.store.feedKey(community.tenant, community.id);
  if (found) return found;
  const key = newKey(deps);
  if ((await calendar.store.createFeedKey(community.tenant, community.id, key, deps.now().toISOString())) === 'saved') return key;
  return (await calendar.store.feedKey(community.tenant, community.id)) ?? key;
}

/** A leader's new key: every link made with the old one stops working. A reset that lost a race keeps the winner's. */
async function resetKey(calendar: CalendarDeps, community: Community, deps: CoreDeps): Promise<string> {
  const previous = await calendar.store.feedKey(community.tenant, community.id);
  const key = newKey(deps);
  const at = deps.now().toISOString();
  const result = previous
    ? await calendar.store.resetFeedKey(community.tenant, community.id, key, previous, at)
    : await calendar.store.createFeedKey(community.tenant, community.id, key, at);
  if (result === 'saved') return key;
  return (await calendar.store.feedKey(community.tenant, community.id)) ?? key;
}

/** The two links (the community's feed and the reader's own) and how to subscribe. */
async function links(
  calendar: CalendarDeps,
  community: Community,
  ctx: CommandContext,
  key: string,
  locale: Locale,
  reset: boolean,
): Promise<Reply> {
  const ref = { tenant: community.tenant, communityId: community.id };
  const [shared, own] = await Promise.all([
    feedToken(ref, key, calendar.signer),
    feedToken({ ...ref, userId: ctx.userId }, key, calendar.signer),
  ]);
  const vars = { community: feedUrl(shared, calendar.signer), mine: feedUrl(own, calendar.signer) };
  return ephemeral(...(reset ? [t(locale, 'calendar.reset.done')] : []), t(locale, 'calendar.links', vars), t(locale, 'calendar.how'));
}

/**
 * `calendar`: any member gets the links to the community's feed and to their own; `calendar reset` (leaders)
 * makes a new feed key, so links shared before stop working.
 */
export const calendarHandlers: Handlers<CalendarCommand> = {
  calendar: inCommunity(async (cmd, ctx, deps, { snapshot, locale }) => {
    const { calendar } = deps;
    if (!calendar) return ephemeral(t(locale, 'calendar.unavailable'));
    const { community } = snapshot;
    if (!cmd.reset) return links(calendar, community, ctx, await keyOf(calendar, community, deps), locale, false);
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'calendar.reset.forbidden'));
    return links(calendar, community, ctx, await resetKey(calendar, community, deps), locale, true);
  }),
};
