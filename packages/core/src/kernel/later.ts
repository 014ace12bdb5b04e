import type { Tenant } from '../community/model.ts';
import type { AnswerJob, LaterView } from './later-target.ts';
import { TARGET_VALID_MS } from './later-target.ts';
import type { CommandContext } from './ports.ts';

export type { AnswerJob, InteractionTarget, LaterView } from './later-target.ts';
export { TARGET_VALID_MS, TargetExpired } from './later-target.ts';

/** The job that answers `ctx`'s interaction later with `view`, or undefined where the platform gave no way to. */
export function answerJob(ctx: CommandContext, view: LaterView, admin: boolean, now: Date): AnswerJob | undefined {
  const to = ctx.answerLater;
  if (!to) return undefined;
  return {
    kind: 'answer',
    view,
    tenant: ctx.tenant,
    channelId: ctx.channelId,
    userId: ctx.userId,
    ...(ctx.userLocale ? { userLocale: ctx.userLocale } : {}),
    ...(ctx.place ? { place: ctx.place } : {}),
    admin,
    to,
    expiresAt: new Date(now.getTime() + TARGET_VALID_MS[to.platform]).toISOString(),
  };
}

/** The context a job's view is drawn in: the request's, with the platform's word on admin rights as it was then. */
export function contextOfAnswer(job: AnswerJob): CommandContext {
  return {
    tenant: job.tenant,
    channelId: job.channelId,
    userId: job.userId,
    ...(job.userLocale ? { userLocale: job.userLocale } : {}),
    ...(job.place ? { place: job.place } : {}),
    isPlatformAdmin: async () => job.admin,
  };
}

/** The workspace or server the person asked in: where the answer goes (a linked place's, not the home's). */
export const askedIn = (job: Pick<AnswerJob, 'tenant' | 'place'>): Tenant => job.place?.tenant ?? job.tenant;
