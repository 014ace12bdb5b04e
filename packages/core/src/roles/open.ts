import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { message } from '../kernel/reply.ts';
import type { RolesCommandOf } from './commands.ts';

/**
 * `roles open`: the roles that still have no lead, each with what a leader types to offer it: the leadership
 * team's gaps at a glance (stage 3), for anyone to see and volunteer for.
 */
export const openRolesHandlers: Handlers<RolesCommandOf<'roles.open'>> = {
  'roles.open': inCommunity(async (_cmd, _ctx, _deps, { snapshot: { community }, locale }) => {
    const open = community.roles.filter((role) => !role.leadId);
    if (community.roles.length === 0) return message('ephemeral', [{ type: 'text', text: t(locale, 'roles.open.none') }]);
    if (open.length === 0) return message('ephemeral', [{ type: 'text', text: t(locale, 'roles.open.allLed') }]);
    const lines = open.map((role) =>
      t(locale, 'roles.open.line', { role: role.name, duties: role.responsibilities.length, members: role.memberIds.length }),
    );
    return message('ephemeral', [
      { type: 'header', text: tn(locale, 'roles.open.title', open.length, { name: community.name }) },
      { type: 'text', text: linesWithMore(locale, lines, { max: 20, how: t(locale, 'roles.open.more') }) },
      { type: 'context', text: t(locale, 'roles.open.how', { role: open[0]?.name ?? '' }) },
    ]);
  }),
};
