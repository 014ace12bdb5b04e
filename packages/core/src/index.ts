export { watchBoards } from './board/hook.ts';
export { isMessageGone } from './board/job.ts';
export { calendarFeed, type FeedDeps } from './calendar/serve.ts';
export * from './campaigns/model.ts';
export * from './coalitions/model.ts';
export * from './community/facts.ts';
export * from './community/model.ts';
export { dashboardHtml, refusalHtml } from './dashboard/html.ts';
export { type DashboardDeps, type DashboardResult, type DashboardView, dashboardView, type RefusalReason } from './dashboard/page.ts';
export * from './debrief/model.ts';
export * from './decisions/model.ts';
export * from './events/model.ts';
export {
  Command,
  type CommandOf,
  type CommandType,
  commandForAction,
  commandForModal,
  commandFromWords,
  parseCommandValue,
  tenantOfAction,
} from './features.ts';
export { runCommand } from './kernel/dispatch.ts';
export { adminUnverified, CodedError, CoreError, type CoreErrorCode, isCoreError } from './kernel/errors.ts';
export type { ActionSource, OptionSpec, SubcommandSpec } from './kernel/feature.ts';
export { allForms, commandNames, commandText, type FormId, helpEntries, platformText } from './kernel/forms.ts';
export * from './kernel/i18n/translate.ts';
export * from './kernel/jobs.ts';
export { type AnswerJob, type InteractionTarget, TARGET_VALID_MS, TargetExpired } from './kernel/later.ts';
export * from './kernel/outbox.ts';
export { MENTION, MENTIONS, matchPeople, type PeopleDirectory, type Person, personArg } from './kernel/people.ts';
export * from './kernel/ports.ts';
export { backoff, RateLimiter, retryOnConflict, sleep, withRetries } from './kernel/rate.ts';
export { discordSubcommands, fromDiscord, isReadOnly, suggestCommandFor, tenantOfInteraction } from './kernel/registry.ts';
export * from './kernel/reply.ts';
export { clip, ELLIPSIS, firstOf, fits, shown } from './kernel/text.ts';
export * from './links/model.ts';
export * from './members/model.ts';
export * from './oneonones/model.ts';
export * from './pairing/model.ts';
export type { ChartRenderer, ChartSpec } from './report/port.ts';
export { adoptRolesId, offerActionId } from './roles/ids.ts';
export * from './roles/model.ts';
export * from './roles/offers.ts';
export * from './standup/model.ts';
export * from './status/progress.ts';
export * from './status/stages.ts';
export * from './story/model.ts';
export { taskButtonId } from './tasks/ids.ts';
export * from './tasks/model.ts';
