import type { PlaceLink } from '../links/model.ts';
import type { CommandContext, CoreDeps } from './ports.ts';

/**
 * Thrown where a command looks for its community and finds that the workspace or server is a place of a
 * community elsewhere (the pointer was found by `lookup`, not by `placed`, when it was made a moment ago):
 * `runCommand` runs the command again at the community's home. Nothing is written before a community is found.
 */
export class AtHome extends Error {
  constructor(readonly link: PlaceLink) {
    super('the community of this place lives elsewhere');
  }
}

/** A request from a place, as the community's home sees it: its tenant and home channel, with the place kept. */
export function atHome(ctx: CommandContext, link: PlaceLink): CommandContext {
  return {
    ...ctx,
    tenant: link.home.tenant,
    channelId: link.home.communityId,
    place: { tenant: ctx.tenant, channelId: ctx.channelId },
  };
}

/**
 * Where a request acts. From a linked place, at the community's home (one read of the place's pointer and
 * the person's alias beside it; for a workspace or server that is no place, that it is none is remembered
 * for a while, so it costs nothing most of the time). A Discord direct message whose buttons name a Slack workspace (a community at
 * home on Slack, with a place on Discord) acts in that workspace only when it really has a place on Discord;
 * the features then check, as for every direct message, that what the button names is the person's own.
 */
export async function placed(ctx: CommandContext, deps: Pick<CoreDeps, 'links'>): Promise<CommandContext> {
  if (ctx.place) return ctx;
  if (ctx.tenantFromId && ctx.tenant.platform === 'discord' && !/^\d+$/.test(ctx.tenant.id)) {
    const home = { platform: 'slack' as const, id: ctx.tenant.id };
    const here = (await deps.links.places(home)).find((link) => link.place.tenant.platform === 'discord');
    return here ? asKnown({ ...ctx, tenant: home, place: { tenant: here.place.tenant, channelId: ctx.channelId } }, deps) : ctx;
  }
  // The pointer and the person's alias in one read.
  const arrived = await deps.links.arrival(ctx.tenant, ctx.userId);
  if (!arrived) return ctx;
  const home = atHome(ctx, arrived.link);
  return arrived.primary ? { ...home, userId: arrived.primary } : home;
}

/** Someone who linked their identities is, from the place, the person the home knows (one more read, from places only). */
async function asKnown(ctx: CommandContext, deps: Pick<CoreDeps, 'links'>): Promise<CommandContext> {
  const primary = await deps.links.sameAs(ctx.tenant, ctx.userId);
  return primary ? { ...ctx, userId: primary } : ctx;
}
