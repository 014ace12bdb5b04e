import type { Community } from '../community.ts';
import { CoreError, isCoreError } from '../errors.ts';
import type { CommunitySnapshot } from '../facts.ts';
import type { Locale, MessageKey } from '../i18n/translate.ts';
import { loadLocale, t } from '../i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../ports.ts';
import type { Reply } from '../reply.ts';
import { ephemeral } from '../reply.ts';

/** The language to answer in: the community's, else the user's, else the deployment's default. */
export function localeFor(community: Community | undefined, ctx: CommandContext, deps: CoreDeps): Locale {
  return community?.locale ?? ctx.userLocale ?? deps.defaultLocale;
}

/** The community a command acts on, or the friendly reply explaining why there is none. */
export async function resolveCommunity(
  ctx: CommandContext,
  deps: CoreDeps,
): Promise<{ snapshot: CommunitySnapshot; locale: Locale } | { reply: Reply }> {
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
  const locale = localeFor(undefined, ctx, deps);
  if (found.kind === 'none') return { reply: ephemeral(t(locale, 'community.none')) };
  if (found.kind === 'elsewhere') {
    const channels = found.homeChannelIds.map((id) => `<#${id}>`).join(', ');
    return { reply: ephemeral(t(locale, 'community.elsewhere', { channels })) };
  }
  const chosen = localeFor(found.snapshot.community, ctx, deps);
  await loadLocale(chosen);
  return { snapshot: found.snapshot, locale: chosen };
}

/**
 * Leaders: the coordinator, role leads, and platform admins (Slack admins/owners, Discord Manage Server).
 * Throws `ADMIN.UNVERIFIED` (in the community's language) when the platform could not say whether the
 * user is an admin: `runCommand` answers that it could not check, rather than "only leaders can…".
 */
export async function isLeader(community: Community, ctx: CommandContext): Promise<boolean> {
  if (community.coordinatorId === ctx.userId || community.roles.some((r) => r.leadId === ctx.userId)) return true;
  try {
    return await ctx.isPlatformAdmin();
  } catch (error) {
    if (isCoreError(error, 'ADMIN.UNVERIFIED')) throw new CoreError('ADMIN.UNVERIFIED', community.locale ?? ctx.userLocale);
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
  deps: CoreDeps,
  refusal: MessageKey,
): Promise<{ snapshot: CommunitySnapshot; community: Community; locale: Locale } | { reply: Reply }> {
  const resolved = await resolveCommunity(ctx, deps);
  if ('reply' in resolved) return resolved;
  const { community } = resolved.snapshot;
  if (!(await isLeader(community, ctx))) return { reply: ephemeral(t(resolved.locale, refusal)) };
  return { ...resolved, community };
}
