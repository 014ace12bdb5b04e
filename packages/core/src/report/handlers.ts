import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { ephemeral } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import type { ReportCommand } from './commands.ts';
import { reportRef } from './job.ts';

/** A leader asks for the report; the worker draws the charts (seconds of work a platform would not wait for) and posts them. */
export const reportHandlers: Handlers<ReportCommand> = {
  report: leadersOnly<ReportCommand, Pick<CoreDeps, 'store' | 'defaultLocale' | 'deferred' | 'now'>>(
    'report.forbidden',
    async (_cmd, ctx, deps, { locale, community }) => {
      const now = deps.now();
      // The request's time and the leader name it: the job's repeats share it and post once.
      await deps.deferred.run([
        { kind: 'report', tenant: ctx.tenant, communityId: community.id, ref: reportRef(now, ctx.userId), minute: minuteOf(now) },
      ]);
      return ephemeral(t(locale, 'report.started'));
    },
  ),
};
