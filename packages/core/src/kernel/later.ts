import type { Tenant } from '../community/model.ts';
import type { Locale } from './i18n/translate.ts';
import type { CommandContext } from './ports.ts';

/**
 * Where an answer given later goes: what the platform handed the request for answering it afterwards.
 * Discord: the application's id and the interaction's token (the deferred answer is edited); Slack: the
 * slash command's `response_url`. Both stay usable minutes, not days, and are kept only in the answer's job.
 */
export type InteractionTarget =
  | { readonly platform: 'discord'; readonly applicationId: string; readonly token: string }
  | { readonly platform: 'slack'; readonly responseUrl: string };

/** How long each platform lets an interaction be answered: Discord's token 15 minutes, Slack's response_url 30. */
export const TARGET_VALID_MS: Readonly<Record<InteractionTarget['platform'], number>> = {
  discord: 15 * 60_000,
  slack: 30 * 60_000,
};

/** The views a command may have the worker draw (each one a feature's; see `kernel/work/answer.ts`). */
export type LaterView = 'me';

/**
 * A command's answer drawn by the worker and sent privately, to the person, in the same interaction: the
 * request only acknowledges it (Discord "thinking…", Slack a short line), so its reads are the worker's.
 */
export interface AnswerJob {
  readonly kind: 'answer';
  readonly view: LaterView;
  /** The context the view is drawn for, as the request resolved it (a linked place's at its home). */
  readonly tenant: Tenant;
  readonly channelId: string;
  readonly userId: string;
  readonly userLocale?: Locale;
  readonly place?: { readonly tenant: Tenant; readonly channelId: string };
  /** What the platform said of the person on the request (Slack admin, Discord Manage Server): the worker cannot ask. */
  readonly admin: boolean;
  readonly to: InteractionTarget;
  /** After this the platform refuses the target: the job is dropped, not tried again. */
  readonly expiresAt: string;
}

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

/**
 * An error saying the platform no longer takes answers on this target (Discord 401/404 Unknown Webhook,
 * Slack 404 or `expired_url`): final, so the delivery is dropped rather than tried again.
 */
export class TargetExpired extends Error {
  readonly permanent = true;
  constructor(
    readonly platform: InteractionTarget['platform'],
    readonly status: number,
  ) {
    super(`the ${platform} interaction can no longer be answered (${status})`);
  }
}
