import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';

/**
 * `event server [off]` (Discord `/community event action:server|server-off`), leaders only: keeps the
 * community's events as the Discord server's own events too, or stops. Turning it on says what permission
 * Organizer needs and gives the link that asks for it (the default install never asks for it).
 */
export const serverEventHandlers: Pick<Handlers<EventCommand>, 'event.server'> = {
  'event.server': leadersOnly('event.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const port = deps.messenger.scheduledEvents;
    if (ctx.tenant.platform !== 'discord' || !port) return ephemeral(t(locale, 'event.server.elsewhere'));
    const at = deps.now().toISOString();
    const saved = await deps.store.setServerEvents(ctx.tenant, community.id, cmd.on ? { by: ctx.userId, at } : undefined, at);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (!cmd.on) return ephemeral(t(locale, 'event.server.off'));
    const link = await port.inviteUrl();
    const how = link ? t(locale, 'event.server.how.link', { link }) : t(locale, 'event.server.how.role');
    return ephemeral(t(locale, 'event.server.on', { how }));
  }),
};
