import type { Tenant } from '../community/model.ts';
import type { Locale } from './i18n/translate.ts';

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
