import { localToday } from '../campaigns/handlers.ts';
import { rungNames } from '../expansion/handlers.ts';
import { knownMembers, nextAsk, rungOf } from '../expansion/ladder.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { Block } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { type Reader, statusBlocks } from '../status/handlers.ts';
import type { CommunityHome, HomeData } from './read.ts';
import { decisionBlocks, eventBlocks, offerBlocks, standupBlocks, taskBlocks } from './sections.ts';

/** Slack's limit of blocks in a Home view. */
export const HOME_BLOCKS_MAX = 100;
/** People shown as ready for a next ask; the ladder lists the rest. */
const ASKS_SHOWN = 10;

/**
 * For leaders: the seven-stage board (status's own card, without its next step, shown above), the roles
 * still without a lead, and who is ready for a next ask (the ladder's notion).
 */
function leaderBlocks(locale: Locale, home: CommunityHome, board: readonly Block[]): Block[] {
  const { community } = home.snapshot;
  const blocks: Block[] = [{ type: 'divider' }, { type: 'header', text: t(locale, 'home.leaders') }, ...board];
  const open = community.roles.filter((role) => !role.leadId).map((role) => clip(role.name, 60));
  if (open.length > 0) blocks.push({ type: 'text', text: t(locale, 'home.roles.open', { roles: open.join(', ') }) });
  const members = home.members ?? [];
  const byId = new Map(members.map((m) => [m.userId, m]));
  const names = rungNames(community, locale);
  const asks = knownMembers(community, members).flatMap((userId) => {
    const rung = rungOf(byId.get(userId), userId, community);
    const ask = nextAsk(byId.get(userId), rung);
    return ask ? [t(locale, `ladder.ask.${ask}`, { user: userId, rung: names[rung] ?? '' })] : [];
  });
  if (asks.length > 0)
    blocks.push({
      type: 'text',
      text: t(locale, 'ladder.asks', { list: linesWithMore(locale, asks, { max: ASKS_SHOWN, how: t(locale, 'ladder.more.how') }) }),
    });
  return blocks;
}

/** One community's part of the view: its heading, the person's next step, their items, and the leaders' part. */
export async function communityBlocks(locale: Locale, home: CommunityHome, userId: string, now: Date): Promise<Block[]> {
  const { snapshot, leader } = home;
  const { community } = snapshot;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // A campaign's current phase (the leaders' next step) depends on today's date in the community's zone.
  const today = leader && community.campaign ? await localToday(community, now) : undefined;
  const reader: Reader = leader ? { kind: 'leader' } : { kind: 'member', userId, tasks: home.tasks, nowSeconds };
  const card = statusBlocks(snapshot, locale, today, reader);
  // The status card ends with its one next suggested action: the Home's "my next step".
  const next = card.at(-1);
  const items = [
    ...offerBlocks(locale, community, userId, home.tasks, home.offers, nowSeconds),
    ...taskBlocks(locale, community, userId, home.tasks, nowSeconds),
    ...standupBlocks(locale, community, userId, home.standups),
    ...eventBlocks(locale, community, userId, home.events, nowSeconds),
    ...decisionBlocks(locale, home.decisions),
  ];
  return [
    { type: 'header', text: t(locale, 'home.title', { name: community.name }) },
    ...(next ? [next] : []),
    ...(items.length > 0 ? items : [{ type: 'text' as const, text: t(locale, 'home.nothing') }]),
    ...(leader ? leaderBlocks(locale, home, card.slice(0, -1)) : []),
  ];
}

/**
 * Keeps a view within Slack's 100 blocks (`max`: fewer for a message, which holds 50): what does not fit
 * is left out, and a last line says where it is.
 */
export function withinLimit(
  locale: Locale,
  blocks: readonly Block[],
  max = HOME_BLOCKS_MAX,
  more: 'home.more' | 'me.more' = 'home.more',
): Block[] {
  if (blocks.length <= max) return [...blocks];
  const kept = blocks.slice(0, max - 1);
  // A heading left with nothing under it goes too.
  while (kept.at(-1)?.type === 'header' || kept.at(-1)?.type === 'divider') kept.pop();
  return [...kept, { type: 'context', text: t(locale, more) }];
}

/**
 * The whole Home view: a note from the last click on it, then each community (several get a divider
 * between them), or, for someone in none, how to start one.
 */
export async function homeBlocks(data: HomeData, userId: string, now: Date, note?: string): Promise<Block[]> {
  const { locale } = data;
  const top: Block[] = note ? [{ type: 'context', text: note }] : [];
  if (data.communities.length === 0) return [...top, { type: 'text', text: t(locale, 'home.none') }];
  const parts = await Promise.all(data.communities.map((home) => communityBlocks(locale, home, userId, now)));
  const body = parts.flatMap((part, i) => (i > 0 ? [{ type: 'divider' as const }, ...part] : part));
  const updated: Block = { type: 'context', text: t(locale, 'home.updated', { at: `<t:${Math.floor(now.getTime() / 1000)}:f>` }) };
  return withinLimit(locale, [...top, ...body, updated]);
}
