import { inviteUrl } from '@organizer/discord/invite';
import { loadConfig, readDotEnv } from '../functions/src/config.ts';

/** `npm run discord:invite`: prints the link that adds Organizer to a guild, with the permissions it needs. */
readDotEnv();
const config = loadConfig();
if (!config.DISCORD_APPLICATION_ID) {
  console.error('Set DISCORD_APPLICATION_ID (in .env or the environment) to print the install link.');
  process.exit(1);
}
console.log(inviteUrl(config.DISCORD_APPLICATION_ID));
