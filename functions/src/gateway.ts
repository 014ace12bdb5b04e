import { REST } from '@discordjs/rest';
import { Encoding, type SessionInfo, WebSocketManager, WebSocketShardEvents } from '@discordjs/ws';
import { loadLocale } from '@organizer/core';
import type { DiscordDeps } from '@organizer/discord';
import { type APIInteraction, GatewayDispatchEvents, GatewayIntentBits } from 'discord-api-types/v10';
import type { Config } from './config.ts';
import type { AppDeps } from './deps.ts';
import { describeError } from './log.ts';
import type { Connection } from './socket-mode.ts';

/** `https://discord.com/api/v10` → the REST client's base and version (it appends `/v10` itself). */
function restBase(apiUrl: string): { api: string; version: string } {
  const base = apiUrl.replace(/\/+$/, '');
  const versioned = /^(.*)\/v(\d+)$/.exec(base);
  return versioned?.[1] && versioned[2] ? { api: versioned[1], version: versioned[2] } : { api: base, version: '10' };
}

/**
 * Discord over the gateway (`DISCORD_BOT_TOKEN`, no public interactions URL): GET /gateway/bot on DISCORD_API_URL
 * names the WebSocket, and every INTERACTION_CREATE goes down the same path as a verified POST
 * /discord/interactions. The connection is authenticated by the bot token, so there is no signature to check.
 * A gateway interaction is answered by POSTing the response to its callback URL, within Discord's 3 seconds.
 */
export function startGateway(config: Config, deps: AppDeps): Connection {
  const token = config.DISCORD_BOT_TOKEN;
  if (!token) throw new Error('DISCORD_BOT_TOKEN is not set');
  const apiUrl = config.DISCORD_API_URL.replace(/\/+$/, '');
  const rest = new REST(restBase(apiUrl)).setToken(token);
  // Sessions live with this manager, not in the library's process-wide store, so a restart identifies afresh.
  const sessions = new Map<number, SessionInfo>();
  const manager = new WebSocketManager({
    token,
    rest,
    // Interactions reach every bot whatever its intents; Guilds is the least a bot identifies with.
    intents: GatewayIntentBits.Guilds,
    // Plain JSON text frames: no zlib-sync to install, and nothing to gain on a development machine.
    encoding: Encoding.JSON,
    compression: null,
    retrieveSessionInfo: (shardId) => sessions.get(shardId) ?? null,
    updateSessionInfo: (shardId, session) => {
      if (session) sessions.set(shardId, session);
      else sessions.delete(shardId);
    },
  });
  const discord: DiscordDeps = { run: deps.run, defaultLocale: deps.defaultLocale, onError: deps.onError };

  const answer = async (interaction: APIInteraction) => {
    const { dispatchDiscordInteraction } = await import('@organizer/discord');
    const result = await dispatchDiscordInteraction(interaction, discord);
    if (result.status !== 200) {
      deps.log.warn('Discord interaction refused', { type: interaction.type, status: result.status });
      return;
    }
    const response = await fetch(`${apiUrl}/interactions/${interaction.id}/${encodeURIComponent(interaction.token)}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(result.body),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) deps.log.warn('Discord interaction callback failed', { type: interaction.type, status: response.status });
  };

  const ready = (async () => {
    await import('@organizer/discord');
    // The adapter's own messages (bad requests) are in the default language: load it if not English.
    await loadLocale(deps.defaultLocale);
    manager.on(WebSocketShardEvents.Dispatch, ({ data }) => {
      if (data.t === GatewayDispatchEvents.InteractionCreate) answer(data.d).catch(deps.onError);
    });
    manager.on(WebSocketShardEvents.Error, ({ error }) => deps.log.warn('Discord gateway error', describeError(error)));
    await manager.connect();
    deps.log.info('Discord gateway connected', { api: apiUrl });
  })();
  return {
    ready,
    stop: async () => {
      await manager.destroy();
    },
  };
}
