import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import type { ExportCommand } from './commands.ts';

/** A leader asks for the export; the worker sends the files. */
export const exportHandlers: Handlers<ExportCommand> = {
  export: leadersOnly<ExportCommand, Pick<CoreDeps, 'store' | 'defaultLocale' | 'deferred' | 'now'>>(
    'export.forbidden',
    async (_cmd, ctx, deps, { locale, community }) => {
      // Reading every entity and uploading files takes longer than a platform waits: the worker does it.
      await deps.deferred.run([
        { kind: 'export', tenant: ctx.tenant, communityId: community.id, userId: ctx.userId, requestedAt: deps.now().toISOString() },
      ]);
      return ephemeral(t(locale, 'export.started'));
    },
  ),
};
