import type { CommunitySnapshot } from '../community/facts.ts';
import type { Community } from '../community/model.ts';
import { CoreError, isCoreError } from './errors.ts';
import type { AnyCommand, Handler } from './feature.ts';
import type { Locale, MessageKey } from './i18n/translate.ts';
import { loadLocale, t } from './i18n/translate.ts';
import { AtHome } from './place.ts';
import type { CommandContext, CoreDeps, Profile } from './ports.ts';
import type { Reply } from './reply.ts';
import { ephemeral } from './reply.ts';

/**
 * The language to answer someone in (ephemeral replies, modals): their own (chosen with `lang me`, else
 * their platform's: see `withReader`), else the community's, else the deployment's default.
 */
export function localeFor(community: Community | undefined, ctx: CommandContext, deps: Pick<CoreDeps, 'defaultLocale'>): Locale {
  return ctx.userLocale ?? community?.locale ?? deps.defaultLocale;
}

/** The language of what the community sees (channel posts, cards, summaries, celebrations). */
export function communityLocaleOf(community: Community, deps: Pick<CoreDeps, 'defaultLocale'>): Locale {
  return community.locale ?? deps.defaultLocale;
}

/** A Slack locale learned from `users.info` is asked again after this long (Discord reports one with each interaction). */
const SEEN_FRESH_MS = 7 * 24 * 60 * 60_000;

/**
 * The command's context with `userLocale` set to the reader's own language: the one they chose
 * (`lang me ru`), else what the platform says now (Discord's interaction `locale`; Slack's profile, asked
 * through `platformProfile` when not known or old), else what it said last. What the platform says is
 * remembered when it changed, so direct messages that jobs send later find it. Never fails: without a
 * profile it is the context as it came.
 */
export async function withReader(ctx: CommandContext, deps: CoreDeps): Promise<CommandContext> {
  const profile: Profile | undefined = await deps.profiles.profile(ctx.tenant, ctx.userId).catch(() => undefined);
  const now = deps.now();
  const fresh = profile?.seenAt !== undefined && now.getTime() - Date.parse(profile.seenAt) < SEEN_FRESH_MS;
  let platform = ctx.userLocale;
  if (!platform && ctx.platformProfile && !(profile?.seenLocale && fresh))
    platform = (await ctx.platformProfile().catch(() => undefined))?.locale;
  const learned = platform && (platform !== profile?.seenLocale || (!ctx.userLocale && !fresh));
  if (learned) await deps.profiles.rememberSeen(ctx.tenant, ctx.userId, platform as Locale, now.toISOString()).catch(() => undefined);
  const own = profile?.locale ?? platform ?? profile?.seenLocale;
  if (!own) return ctx;
  await loadLocale(own);
  return { ...ctx, userLocale: own };
}

/**
 * The language of a direct message to someone, outside any request (jobs): the one they chose, else the
 * one their platform last reported, else the community's.
 */
export async function personLocale(deps: CoreDeps, community: Community, userId: string): Promise<Locale> {
  const profile = await deps.profiles.profile(community.tenant, userId).catch(() => undefined);
  const locale = profile?.locale ?? profile?.seenLocale ?? communityLocaleOf(community, deps);
  await loadLocale(locale);
  return locale;
}

/** `personLocale` for many people at once (a stand-up's direct messages): one batched read per hundred. */
export async function peopleLocales(deps: CoreDeps, community: Community, userIds: readonly string[]): Promise<(userId: string) => Locale> {
  const profiles = userIds.length > 0 ? await deps.profiles.profiles(community.tenant, userIds).catch(() => []) : [];
  const own = new Map(profiles.flatMap((p) => ((p.locale ?? p.seenLocale) ? [[p.userId, (p.locale ?? p.seenLocale) as Locale]] : [])));
  await Promise.all([...new Set(own.values())].map(loadLocale));
  const fallback = communityLocaleOf(community, deps);
  return (userId) => own.get(userId) ?? fallback;
}

/** The community a command acts on, or the friendly reply explaining why there is none. */
export async function resolveCommunity(
  ctx: CommandContext,
  deps: ContextDeps,
): Promise<{ snapshot: CommunitySnapshot; locale: Locale; communityLocale: Locale } | { reply: Reply }> {
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
  const locale = localeFor(undefined, ctx, deps);
  // A place of a community elsewhere: the command runs again there (see `runCommand`).
  if (found.kind === 'linked' && !ctx.place) throw new AtHome(found.link);
  if (found.kind === 'none' || found.kind === 'linked') return { reply: ephemeral(t(locale, 'community.none')) };
  if (found.kind === 'elsewhere') {
    const channels = found.homeChannelIds.map((id) => `<#${id}>`).join(', ');
    return { reply: ephemeral(t(locale, 'community.elsewhere', { channels })) };
  }
  const chosen = localeFor(found.snapshot.community, ctx, deps);
  const communityLocale = communityLocaleOf(found.snapshot.community, deps);
  await Promise.all([loadLocale(chosen), loadLocale(communityLocale)]);
  // `locale` is the reader's (replies, modals); `communityLocale` is for what the channel sees.
  return { snapshot: found.snapshot, locale: chosen, communityLocale };
}

/**
 * Leaders: the coordinator, role leads, and platform admins (Slack admins/owners, Discord Manage Server).
 * Throws `ADMIN.UNVERIFIED` (in the reader's language) when the platform could not say whether the
 * user is an admin: `runCommand` answers that it could not check, rather than "only leaders can…".
 */
export async function isLeader(community: Community, ctx: CommandContext): Promise<boolean> {
  if (community.coordinatorId === ctx.userId || community.roles.some((r) => r.leadId === ctx.userId)) return true;
  try {
    return await ctx.isPlatformAdmin();
  } catch (error) {
    if (isCoreError(error, 'ADMIN.UNVERIFIED')) throw new CoreError('ADMIN.UNVERIFIED', ctx.userLocale ?? community.locale);
    throw error;
  }
}

/** For what a reader sees (an Edit button, leaders' details): unverifiable admin rights show the member's view. */
export async function seesAsLeader(community: Community, ctx: CommandContext): Promise<boolean> {
  return isLeader(community, ctx).catch((error: unknown) => {
    if (isCoreError(error, 'ADMIN.UNVERIFIED')) return false;
    throw error;
  });
}

/** The community and locale for a leaders-only command, or the reply that says who may do it. */
export async function forLeaders(
  ctx: CommandContext,
  deps: ContextDeps,
  refusal: MessageKey,
): Promise<{ snapshot: CommunitySnapshot; community: Community; locale: Locale; communityLocale: Locale } | { reply: Reply }> {
  const resolved = await resolveCommunity(ctx, deps);
  if ('reply' in resolved) return resolved;
  const { community } = resolved.snapshot;
  if (!(await isLeader(community, ctx))) return { reply: ephemeral(t(resolved.locale, refusal)) };
  return { ...resolved, community };
}

/** The ports finding the caller's community needs: a handler's own deps include at least these. */
export type ContextDeps = Pick<CoreDeps, 'store' | 'defaultLocale'>;

/** What a handler inside its community gets: the community's snapshot and the reader's and channel's languages. */
export type Scope = Exclude<Awaited<ReturnType<typeof resolveCommunity>>, { reply: Reply }>;
/** What a leaders-only handler gets besides: the community itself. */
export type LeaderScope = Scope & { readonly community: Community };

/** A handler that runs inside the caller's community (or answers where to run it). */
export const inCommunity =
  <C extends AnyCommand, D extends ContextDeps = CoreDeps>(
    run: (command: C, ctx: CommandContext, deps: D, scope: Scope) => Promise<Reply>,
  ): Handler<C, D> =>
  async (command, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    return 'reply' in resolved ? resolved.reply : run(command, ctx, deps, resolved);
  };

/** A handler only leaders may use: anyone else is told `refusal`, and nothing runs. */
export const leadersOnly =
  <C extends AnyCommand, D extends ContextDeps = CoreDeps>(
    refusal: MessageKey,
    run: (command: C, ctx: CommandContext, deps: D, scope: LeaderScope) => Promise<Reply>,
  ): Handler<C, D> =>
  async (command, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, refusal);
    return 'reply' in resolved ? resolved.reply : run(command, ctx, deps, resolved);
  };
