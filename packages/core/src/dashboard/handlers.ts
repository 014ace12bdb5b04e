import { keyOf } from '../calendar/handlers.ts';
import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import { shown } from '../kernel/text.ts';
import type { DashboardCommand } from './commands.ts';
import { DASHBOARD_TTL_SECONDS, dashboardToken, dashboardUrl } from './token.ts';

/**
 * `dashboard` (leaders): a link to the read-only page, signed with the calendar feeds' signer and the
 * community's feed key (made on first use), good for a day; `calendar reset` ends it early. Reads the
 * community and its key: two reads, and one conditional write the first time a key is made.
 */
export const dashboardHandlers: Handlers<DashboardCommand> = {
  dashboard: leadersOnly('dashboard.forbidden', async (_cmd, _ctx, deps, { locale, community }) => {
    const { calendar } = deps;
    if (!calendar) return ephemeral(t(locale, 'dashboard.unavailable'));
    const key = await keyOf(calendar, community, deps);
    const expiresAt = Math.floor(deps.now().getTime() / 1000) + DASHBOARD_TTL_SECONDS;
    const token = await dashboardToken({ tenant: community.tenant, communityId: community.id, expiresAt }, key, calendar.signer);
    const vars = { community: shown(community.name), url: dashboardUrl(token, calendar.signer), until: `<t:${expiresAt}:f>` };
    return ephemeral(t(locale, 'dashboard.link', vars), t(locale, 'dashboard.reset'));
  }),
};
