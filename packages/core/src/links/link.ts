import { speaksForCommunity } from '../coalitions/access.ts';
import { canonicalTyping, drawCode, normaliseCode, shownCode } from '../coalitions/code.ts';
import { CODE_TTL_MS } from '../coalitions/model.ts';
import { instantOf } from '../decisions/card-words.ts';
import { inCommunity, localeFor } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { commandText } from '../kernel/forms.ts';
import { loadLocale, t, tn } from '../kernel/i18n/translate.ts';
import { plainMessage, sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import type { LinkCommandOf } from './commands.ts';
import { PLACES_MAX, type PlaceLink } from './model.ts';

/** Codes drawn before giving up when each one drawn is taken. */
const DRAWS = 3;
/** What is asked of the code store for a malformed code: it cannot be a code, but it counts as a failed try. */
const MALFORMED_MAX = 40;

const platformName = (platform: 'slack' | 'discord') => (platform === 'slack' ? 'Slack' : 'Discord');

/** Linking a workspace or server to this community, and unlinking it. */
export const linkHandlers: Handlers<LinkCommandOf<'link.invite' | 'link.join' | 'link.remove'>> = {
  /** At home, whoever speaks for the community gets a one-time code for the other place's admin. */
  'link.invite': inCommunity(async (_cmd, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const { locale } = scope;
    const vars = { community: shown(community.name) };
    if (!(await speaksForCommunity(community, ctx))) return ephemeral(t(locale, 'link.forbidden', vars));
    if (ctx.place) return ephemeral(t(locale, 'link.invite.fromPlace', vars));
    if ((await deps.links.places(community.tenant)).filter((l) => l.home.communityId === community.id).length >= PLACES_MAX)
      return ephemeral(t(locale, 'link.full', { ...vars, max: PLACES_MAX }));
    const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS).toISOString();
    const issuedBy = { tenant: community.tenant, communityId: community.id, userId: ctx.userId };
    for (let draw = 0; draw < DRAWS; draw++) {
      const code = drawCode();
      if ((await deps.codes.issue(code, { purpose: 'link', communityName: community.name, issuedBy, expiresAt })) !== 'issued') continue;
      const typed = shownCode(code);
      return ephemeral(
        t(locale, 'link.invite.code', {
          ...vars,
          code: typed,
          expires: instantOf(expiresAt, 'f'),
          slack: commandText('link.join', 'slack', [typed]),
          discord: commandText('link.join', 'discord', [typed]),
        }),
      );
    }
    return ephemeral(t(locale, 'link.invite.failed'));
  }),

  /** In the other place (no community of its own), an admin of it links it with the code. */
  'link.join': async (cmd, ctx, deps) => {
    const locale = localeFor(undefined, ctx, deps);
    const typed = (cmd.code ?? '').trim();
    if (!typed) return ephemeral(t(locale, 'link.join.noCode'));
    if (ctx.place) return ephemeral(t(locale, 'link.join.already'));
    const here = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (here.kind === 'linked') return ephemeral(t(locale, 'link.join.already'));
    if (here.kind !== 'none') return ephemeral(t(locale, 'link.join.hasCommunity'));
    if (!(await ctx.isPlatformAdmin())) return ephemeral(t(locale, 'link.join.forbidden'));
    const code = normaliseCode(typed);
    const place = { tenant: ctx.tenant, channelId: ctx.channelId };
    const redeemed = await deps.codes.redeem(code ?? (clip(canonicalTyping(typed), MALFORMED_MAX, '') || '?'), place, deps.now());
    if (redeemed.kind === 'tooMany') return ephemeral(t(locale, 'link.join.tooMany'));
    if (!code) return ephemeral(t(locale, 'link.join.malformed', { typed: shown(clip(typed, 30)) }));
    if (redeemed.kind !== 'ok' || redeemed.issued.purpose !== 'link') {
      return ephemeral(t(locale, redeemed.kind === 'expired' ? 'link.join.expired' : 'link.join.unknown'));
    }
    const { issued } = redeemed;
    if (issued.issuedBy.tenant.platform === ctx.tenant.platform && issued.issuedBy.tenant.id === ctx.tenant.id)
      return ephemeral(t(locale, 'link.join.same'));
    const link: PlaceLink = {
      home: { tenant: issued.issuedBy.tenant, communityId: issued.issuedBy.communityId, name: issued.communityName },
      place,
      linkedBy: ctx.userId,
      invitedBy: issued.issuedBy.userId,
      linkedAt: deps.now().toISOString(),
    };
    const linked = await deps.links.link(link);
    if (linked === 'busy') return ephemeral(t(locale, 'link.join.already'));
    if (linked === 'missing') return ephemeral(t(locale, 'link.gone'));
    await deps.deferred.run([await linkedNotice(link, ctx, deps)]);
    return ephemeral(t(locale, 'link.join.done', { community: shown(issued.communityName) }));
  },

  /** From the place, or at home (every place of the community): unlinked at once, each side told. */
  'link.remove': inCommunity(async (_cmd, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const { locale } = scope;
    const vars = { community: shown(community.name) };
    if (!(await speaksForCommunity(community, ctx))) return ephemeral(t(locale, 'link.forbidden', vars));
    const places = (await deps.links.places(community.tenant)).filter(
      (l) =>
        l.home.communityId === community.id &&
        (!ctx.place || (l.place.tenant.platform === ctx.place.tenant.platform && l.place.tenant.id === ctx.place.tenant.id)),
    );
    if (places.length === 0) return ephemeral(t(locale, 'link.remove.none', vars));
    for (const link of places) await deps.links.unlink(link);
    const communityLocale = scope.communityLocale;
    const jobs = places.flatMap((link) => {
      const notice = plainMessage(
        t(communityLocale, 'link.notice.removed', { ...vars, platform: platformName(link.place.tenant.platform) }),
      );
      return [
        sendJob(community.tenant, { channel: community.homeChannelId }, notice),
        sendJob(link.place.tenant, { channel: link.place.channelId }, notice),
      ];
    });
    // Whoever unlinks from the place takes the community's data with them, as the export gives it.
    const copy = ctx.place
      ? [
          {
            kind: 'export' as const,
            tenant: community.tenant,
            communityId: community.id,
            userId: ctx.userId,
            via: ctx.place.tenant,
            requestedAt: deps.now().toISOString(),
          },
        ]
      : [];
    await deps.deferred.run([...jobs, ...copy]);
    if (ctx.place) return ephemeral(t(locale, 'link.remove.donePlace', vars));
    return ephemeral(tn(locale, 'link.remove.doneHome', places.length, vars));
  }),
};

/** The news of a new place, in the community's home channel (and so, now, in the place's channel too). */
async function linkedNotice(link: PlaceLink, ctx: CommandContext, deps: CoreDeps) {
  const found = await deps.store.lookup(link.home.tenant, link.home.communityId);
  const locale = (found.kind === 'found' ? found.snapshot.community.locale : undefined) ?? deps.defaultLocale;
  await loadLocale(locale);
  const text = t(locale, 'link.notice.linked', {
    community: shown(link.home.name),
    platform: platformName(ctx.tenant.platform),
    home: platformName(link.home.tenant.platform),
  });
  return sendJob(link.home.tenant, { channel: link.home.communityId }, plainMessage(text));
}
