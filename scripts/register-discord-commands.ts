import { REST } from '@discordjs/rest';
import { communityCommand } from '@organizer/discord/commands';
import { Routes } from 'discord-api-types/v10';
import { loadConfig, readDotEnv } from '../functions/src/config.ts';

/**
 * `npm run discord:register [-- --guild <id>]`: registers `/community` globally for the application (or
 * in one guild, where changes show at once: handy while developing), with the very definition the
 * runtime parses. Re-running replaces it (PUT is idempotent).
 */
async function main(): Promise<void> {
  readDotEnv();
  const config = loadConfig();
  if (!config.DISCORD_APPLICATION_ID || !config.DISCORD_BOT_TOKEN) {
    console.error('Set DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN (in .env or the environment) to register commands.');
    process.exit(1);
  }
  // @discordjs/rest builds `${api}/v${version}${route}`, so the version is taken off our base URL.
  const match = /^(.*)\/v(\d+)\/?$/.exec(config.DISCORD_API_URL);
  const rest = new REST({ api: match?.[1] ?? config.DISCORD_API_URL, version: match?.[2] ?? '10', retries: 1 }).setToken(
    config.DISCORD_BOT_TOKEN,
  );
  const at = process.argv.indexOf('--guild');
  const guild = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && !/^\d{5,25}$/.test(guild ?? '')) {
    console.error('--guild needs the guild (server) id, e.g. --guild 123456789012345678');
    process.exit(1);
  }
  const route = guild
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, guild)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const registered = (await rest.put(route, { body: [communityCommand] })) as unknown[];
  console.log(
    `Registered ${Array.isArray(registered) ? registered.length : 1} command(s): /community${guild ? ` in guild ${guild}` : ' globally'}`,
  );
}

main().catch((error: unknown) => {
  console.error(`Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
