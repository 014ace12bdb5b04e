export * from './actions.ts';
export * from './campaigns.ts';
export * from './command.ts';
export { commandText, type FormId, forms, platformText } from './command-registry.ts';
export * from './community.ts';
export * from './debriefs.ts';
export { runCommand } from './dispatch.ts';
export { adminUnverified, CoreError, type CoreErrorCode, isCoreError } from './errors.ts';
export * from './events.ts';
export * from './facts.ts';
export * from './i18n/translate.ts';
export * from './jobs.ts';
export * from './offers.ts';
export * from './oneonones.ts';
export * from './outbox.ts';
export * from './pairing.ts';
export { MENTION, MENTIONS, matchPeople, type PeopleDirectory, type Person, personArg } from './people.ts';
export * from './ports.ts';
export * from './progress.ts';
export { backoff, RateLimiter, retryOnConflict, sleep, withRetries } from './rate.ts';
export * from './reply.ts';
export * from './roles.ts';
export * from './stages.ts';
export {
  parseAwayArgs,
  parseCampaignArgs,
  parseEventArgs,
  parseNextArgs,
  parseOneOnOneArgs,
  parsePairArgs,
  parseStandupArgs,
  parseStrategyArgs,
  parseTzArgs,
} from './standup-args.ts';
export * from './standups.ts';
export * from './stories.ts';
export { parseAssignArgs, parseRoleArgs, parseStoryArgs, parseTaskArgs } from './story-args.ts';
export * from './tasks.ts';
export { clip, ELLIPSIS, firstOf, fits, shown } from './text.ts';
