export type { HttpResult, SlackDeps } from './deps.ts';
export { dispatchSlackBody, handleSlackRequest } from './handle.ts';
export { SlackInstallationStore } from './installs.ts';
export { slackManifest } from './manifest.ts';
export { slackMessenger } from './messenger.ts';
export { installDisabledPage, installPage, makeState, oauthRedirect, readState, type SlackOAuthDeps } from './oauth.ts';
export { slackPeople } from './people.ts';
export { signSlackRequest, verifySlackSignature } from './verify.ts';
