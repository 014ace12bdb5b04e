export type { HttpResult, SlackDeps } from './deps.ts';
export { handleSlackRequest } from './handle.ts';
export { slackManifest } from './manifest.ts';
export { slackMessenger } from './messenger.ts';
export { signSlackRequest, verifySlackSignature } from './verify.ts';
export { SlackInstallationStore } from './installs.ts';
export { installDisabledPage, installPage, makeState, oauthRedirect, readState, type SlackOAuthDeps } from './oauth.ts';
