import type { CommunitySnapshot } from '../community/facts.ts';
import { localeFor, seesAsLeader } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale, t, tn } from '../kernel/i18n/translate.ts';
import { AtHome } from '../kernel/place.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, MessageReply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import type { MeCommand } from './commands.ts';
import { COMMUNITIES_MAX, communityHome } from './read.ts';
import { communityBlocks, withinLimit } from './view.ts';

/** Slack's limit of blocks in a message (a Home view holds 100). */
export const MESSAGE_BLOCKS_MAX = 50;
/**
 * Discord shows at most five rows of buttons in a message, all under its text: the first five items with
 * buttons get them, numbered like their lines; the others are counted.
 */
export const MESSAGE_ROWS_MAX = 5;

/**
 * The communities the view shows, as the Home finds them: the channel's own, else the workspace's (its
 * only one, or each of its communities when it has several). A place of a community elsewhere acts there.
 */
async function communitiesFor(ctx: CommandContext, deps: CoreDeps): Promise<CommunitySnapshot[]> {
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
  if (found.kind === 'found') return [found.snapshot];
  if (found.kind === 'linked' && !ctx.place) throw new AtHome(found.link);
  if (found.kind !== 'elsewhere') return [];
  const each = await Promise.all(found.homeChannelIds.slice(0, COMMUNITIES_MAX).map((id) => deps.store.lookup(ctx.tenant, id)));
  return each.flatMap((one) => (one.kind === 'found' ? [one.snapshot] : []));
}

/**
 * The Home's blocks made fit for a message: each line that has buttons is numbered, and so is its first
 * button, as task lists do (Discord shows every button under the text: "Done" alone would not say which);
 * past {@link MESSAGE_ROWS_MAX} rows the lines stay without buttons and one line counts them.
 */
export function asMessageBlocks(locale: Locale, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let rows = 0;
  let without = 0;
  let numbered = false;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type === 'text' && next?.type === 'actions') {
      numbered = rows < MESSAGE_ROWS_MAX;
      if (numbered) rows += 1;
      else without += 1;
      out.push(numbered ? { type: 'text', text: `${rows}. ${block.text}` } : block);
    } else if (block.type === 'actions') {
      if (numbered)
        out.push({ type: 'actions', buttons: block.buttons.map((b, j) => (j === 0 ? { ...b, label: `${rows}. ${b.label}` } : b)) });
      numbered = false;
    } else out.push(block);
  });
  if (without > 0) out.push({ type: 'context', text: tn(locale, 'me.buttons.more', without, { max: MESSAGE_ROWS_MAX }) });
  return out;
}

/**
 * `/community me` (Slack) and `/community me home` (Discord): the person's Home as an ephemeral answer, for
 * Discord, which has no App Home, and for Slack wherever one would rather not switch tabs. The request finds
 * the community (one read, so "none here" and a linked place answer at once) and hands the drawing to the
 * worker (`later`): the Home's readers cost the request nothing. Where the platform gave no way to answer
 * later, it is drawn at once.
 */
export const showMe: Handler<MeCommand> = async (_command, ctx, deps) => {
  if (!ctx.answerLater) return drawMe(ctx, deps);
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
  if (found.kind === 'linked' && !ctx.place) throw new AtHome(found.link);
  const community = found.kind === 'found' ? found.snapshot.community : undefined;
  const locale = localeFor(community, ctx, deps);
  await loadLocale(locale);
  if (found.kind !== 'found' && found.kind !== 'elsewhere') return ephemeral(t(locale, 'community.none'));
  // The coordinator and role leads are leaders by the community's own record; anyone else, by the platform's word.
  const leads = community && (community.coordinatorId === ctx.userId || community.roles.some((r) => r.leadId === ctx.userId));
  const admin = leads ? false : await ctx.isPlatformAdmin().catch(() => false);
  return { kind: 'later', view: 'me', text: t(locale, 'me.drawing'), admin };
};

/** The view itself, drawn from the state as it is now (by the worker, for an answer given later). */
export async function drawMe(ctx: CommandContext, deps: CoreDeps): Promise<MessageReply> {
  const snapshots = await communitiesFor(ctx, deps);
  const locale = localeFor(snapshots[0]?.community, ctx, deps);
  await loadLocale(locale);
  if (snapshots.length === 0) return ephemeral(t(locale, 'community.none'));
  const now = deps.now();
  const homes = await Promise.all(
    snapshots.map(async (snapshot) => communityHome(deps, snapshot, ctx.userId, now, await seesAsLeader(snapshot.community, ctx))),
  );
  const parts = await Promise.all(homes.map((home) => communityBlocks(locale, home, ctx.userId, now)));
  const body = parts.flatMap((part, i) => (i > 0 ? [{ type: 'divider' as const }, ...part] : part));
  return message('ephemeral', withinLimit(locale, asMessageBlocks(locale, body), MESSAGE_BLOCKS_MAX, 'me.more'));
}
