export { type DiscordDeps, dispatchDiscordInteraction, type HttpResult, handleDiscordRequest } from './handle.ts';
export { discordMessenger } from './messenger.ts';
export { discordPeople } from './people.ts';
export { verifyDiscordSignature } from './verify.ts';
