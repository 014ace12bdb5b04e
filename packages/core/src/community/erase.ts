import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { CommunityCommandOf } from './commands.ts';
import type { Community } from './model.ts';
import { limits } from './model.ts';

/** The coordinator decides; a workspace admin or server manager may too (when the coordinator has left). */
async function mayErase(community: Community, ctx: CommandContext): Promise<boolean> {
  return community.coordinatorId === ctx.userId || (await ctx.isPlatformAdmin());
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * `erase`: deletes the community and everything in it, for good, once its coordinator types its name.
 * Nothing is deleted when the app is removed from a workspace or server: only this does it.
 */
export const eraseHandlers: Handlers<CommunityCommandOf<'erase.open' | 'erase'>> = {
  'erase.open': inCommunity(async (_cmd, ctx, _deps, { locale, snapshot: { community } }) => {
    if (!(await mayErase(community, ctx))) return ephemeral(t(locale, 'erase.forbidden'));
    return {
      kind: 'modal',
      modal: {
        id: 'erase',
        title: t(locale, 'erase.modal.title'),
        submit: t(locale, 'erase.modal.submit'),
        fields: [
          {
            id: 'name',
            label: t(locale, 'erase.field.name.label'),
            hint: t(locale, 'erase.field.name.hint', { name: community.name }),
            placeholder: community.name,
            multiline: false,
            required: true,
            maxLength: limits.name,
          },
        ],
      },
    };
  }),

  erase: inCommunity(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    if (!(await mayErase(community, ctx))) return ephemeral(t(locale, 'erase.forbidden'));
    if (!cmd.name || !sameName(cmd.name, community.name)) {
      const text = t(locale, 'erase.mismatch', { name: community.name });
      return { kind: 'fieldErrors', errors: { name: text }, text };
    }
    // Deleting every record takes longer than a platform waits: the worker does it and says when it is done.
    await deps.deferred.run([
      { kind: 'erase', tenant: ctx.tenant, communityId: community.id, userId: ctx.userId, name: community.name, locale },
    ]);
    return ephemeral(t(locale, 'erase.started', { name: community.name }));
  }),
};
