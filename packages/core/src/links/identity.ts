import { canonicalTyping, drawCode, normaliseCode, shownCode } from '../coalitions/code.ts';
import { CODE_TTL_MS } from '../coalitions/model.ts';
import { instantOf } from '../decisions/card-words.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { commandText } from '../kernel/forms.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import type { LinkCommandOf } from './commands.ts';
import { mergeJob } from './merge-job.ts';
import { platformOfUser } from './model.ts';

const DRAWS = 3;
const MALFORMED_MAX = 40;
const platformName = (platform: 'slack' | 'discord') => (platform === 'slack' ? 'Slack' : 'Discord');

/**
 * `link me`: one person on both platforms of a community in two places, by their own word only. On one
 * platform they get a code only they see; typed on the other platform by them, it links their two ids
 * (never by anyone's claim about someone else). From then on the community counts them once, and their
 * direct messages go where they choose (`link me dm:…`), at first the platform they finished on.
 */
export const identityHandlers: Handlers<LinkCommandOf<'link.me'>> = {
  'link.me': inCommunity(async (cmd, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const { locale } = scope;
    const vars = { community: shown(community.name) };
    const here = ctx.place?.tenant.platform ?? community.tenant.platform;
    const places = (await deps.links.places(community.tenant)).filter((l) => l.home.communityId === community.id);
    if (places.length === 0) return ephemeral(t(locale, 'link.me.notLinked', vars));
    if (cmd.dm) {
      const saved = await deps.links.setDmOn(community.tenant, ctx.userId, cmd.dm);
      return ephemeral(t(locale, saved === 'saved' ? 'link.me.dm.saved' : 'link.me.dm.notLinked', { platform: platformName(cmd.dm) }));
    }
    const typed = (cmd.code ?? '').trim();
    if (!typed) {
      // Already one person: `ctx.userId` is the home's id even from the place.
      if (await deps.links.person(community.tenant, ctx.userId)) return ephemeral(t(locale, 'link.me.already', vars));
      const expiresAt = new Date(deps.now().getTime() + CODE_TTL_MS).toISOString();
      const issuedBy = { tenant: community.tenant, communityId: community.id, userId: ctx.userId };
      for (let draw = 0; draw < DRAWS; draw++) {
        const code = drawCode();
        if ((await deps.codes.issue(code, { purpose: 'person', issuedBy, expiresAt })) !== 'issued') continue;
        const shownAs = shownCode(code);
        const other = here === 'slack' ? 'discord' : 'slack';
        return ephemeral(
          t(locale, 'link.me.code', {
            ...vars,
            code: shownAs,
            expires: instantOf(expiresAt, 'f'),
            other: platformName(other),
            typed: commandText('link.me.code', other, [shownAs]),
          }),
        );
      }
      return ephemeral(t(locale, 'link.invite.failed'));
    }
    const code = normaliseCode(typed);
    const place = ctx.place ?? { tenant: ctx.tenant, channelId: ctx.channelId };
    const redeemed = await deps.codes.redeem(code ?? (clip(canonicalTyping(typed), MALFORMED_MAX, '') || '?'), place, deps.now());
    if (redeemed.kind === 'tooMany') return ephemeral(t(locale, 'link.join.tooMany'));
    if (!code) return ephemeral(t(locale, 'link.join.malformed', { typed: shown(clip(typed, 30)) }));
    if (redeemed.kind === 'expired') return ephemeral(t(locale, 'link.me.expired'));
    const issued = redeemed.kind === 'ok' ? redeemed.issued : undefined;
    // Only a code given in this very community counts; any other is no code here.
    if (
      issued?.purpose !== 'person' ||
      issued.issuedBy.communityId !== community.id ||
      issued.issuedBy.tenant.platform !== community.tenant.platform ||
      issued.issuedBy.tenant.id !== community.tenant.id
    )
      return ephemeral(t(locale, 'link.me.unknown'));
    const ids = [issued.issuedBy.userId, ctx.userId];
    const primary = ids.find((id) => platformOfUser(id) === community.tenant.platform);
    const alias = ids.find((id) => platformOfUser(id) !== community.tenant.platform);
    if (!primary || !alias) return ephemeral(t(locale, 'link.me.samePlatform'));
    const linked = await deps.links.linkPerson({
      home: community.tenant,
      communityId: community.id,
      primary,
      alias,
      dmOn: here,
      at: deps.now().toISOString(),
      // Kept beside each place's pointer on the alias's platform, so a request from there reads both at once.
      aliasPlaces: places.map((l) => l.place.tenant).filter((tenant) => tenant.platform === platformOfUser(alias)),
    });
    if (linked === 'busy') return ephemeral(t(locale, 'link.me.busy', vars));
    // Their tasks, offers and RSVPs under the alias become theirs, in the worker (it reads the community's).
    await deps.deferred.run([mergeJob(community, alias, primary, deps.now())]);
    return ephemeral(t(locale, 'link.me.done', { ...vars, platform: platformName(here) }));
  }),
};
