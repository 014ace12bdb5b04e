export type { HttpResult, SlackDeps } from './deps.ts';
export { handleSlackRequest } from './handle.ts';
export { slackManifest } from './manifest.ts';
export { slackMessenger } from './messenger.ts';
export { signSlackRequest, verifySlackSignature } from './verify.ts';
