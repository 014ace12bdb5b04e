import { communityZone } from '../community/model.ts';
import { inCommunity, isLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { TimezoneCommand } from './commands.ts';

/** `tz`: shows the community's zone (or with `me` one's own); with a zone, a leader sets the community's, anyone their own. */
export const timezoneHandlers: Handlers<TimezoneCommand> = {
  tz: inCommunity(async (cmd, ctx, deps, { snapshot, locale }) => {
    if (cmd.me && !cmd.zone) {
      const member = await deps.members.member(ctx.tenant, snapshot.community.id, ctx.userId);
      return ephemeral(t(locale, 'tz.mine', { zone: member?.timezone ?? communityZone(snapshot.community) }));
    }
    if (!cmd.zone) return ephemeral(t(locale, 'tz.current', { zone: communityZone(snapshot.community) }));
    // The timezone database (luxon) is loaded only by the commands that use dates.
    const { findZone } = await import('../kernel/zone-names.ts');
    const found = findZone(cmd.zone);
    const typed = clip(cmd.zone.replace(/[`<>*]/g, ''), 60);
    if (!found) return ephemeral(t(locale, 'tz.invalidName', { zone: typed }));
    if ('choices' in found) {
      const zones = found.choices.map((z) => `\`${z}\``).join(', ');
      const example = `${cmd.me ? 'me ' : ''}${found.choices[0] ?? 'UTC'}`;
      return ephemeral(t(locale, 'tz.choose', { place: typed, zones, example }));
    }
    const { zone } = found;
    if (cmd.me) {
      await deps.members.setTimezone(ctx.tenant, snapshot.community.id, ctx.userId, zone);
      return ephemeral(t(locale, 'tz.mineSet', { zone }));
    }
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'tz.forbidden'));
    const saved = await deps.store.setTimezone(ctx.tenant, snapshot.community.id, zone, deps.now().toISOString());
    return ephemeral(saved === 'saved' ? t(locale, 'tz.set', { zone }) : t(locale, 'community.gone'));
  }),
};
