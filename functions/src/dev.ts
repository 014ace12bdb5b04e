import type { AppDeps } from './deps.ts';
import { type LocalApp, runUntilStopped, startLocal } from './local.ts';
import { describeError } from './log.ts';
import type { Connection } from './socket-mode.ts';

/** Starts one platform's connection in the background: the HTTP server is up whether or not it connects. */
function connect(deps: AppDeps, platform: string, start: () => Promise<Connection>): Promise<Connection | undefined> {
  return start().then(
    (connection) => {
      connection.ready.catch((error: unknown) => deps.log.error(`${platform} did not connect`, describeError(error)));
      return connection;
    },
    (error: unknown) => {
      deps.log.error(`${platform} did not connect`, describeError(error));
      return undefined;
    },
  );
}

/**
 * `npm run dev`: everything `npm start` runs, plus the connections that let the real platforms reach this
 * machine without a public URL: Slack over Socket Mode, Discord over the gateway.
 */
async function startDev(): Promise<{ stop(): Promise<void> }> {
  const app: LocalApp = await startLocal();
  const { config, deps } = app;
  const connections: Promise<Connection | undefined>[] = [];
  const httpOnly: string[] = [];
  if (config.SLACK_APP_TOKEN) {
    connections.push(connect(deps, 'Slack Socket Mode', async () => (await import('./socket-mode.ts')).startSocketMode(config, deps)));
  } else {
    httpOnly.push('Slack: SLACK_APP_TOKEN is not set, so Slack reaches this app only at POST /slack/events');
  }
  if (!config.DISCORD_BOT_TOKEN) {
    httpOnly.push('Discord: DISCORD_BOT_TOKEN is not set, so Discord reaches this app only at POST /discord/interactions');
  } else if (config.DISCORD_INTERACTIONS_URL) {
    httpOnly.push('Discord: DISCORD_INTERACTIONS_URL is set, so Discord sends interactions there rather than over the gateway');
  } else {
    connections.push(connect(deps, 'Discord gateway', async () => (await import('./gateway.ts')).startGateway(config, deps)));
  }
  if (connections.length === 0) deps.log.info('Running HTTP-only: no platform connection to open', { why: httpOnly });
  else if (httpOnly.length > 0) deps.log.info('Some platforms over HTTP only', { why: httpOnly });
  return {
    stop: async () => {
      const open = await Promise.all(connections);
      await Promise.allSettled(open.map((connection) => connection?.stop()));
      await app.stop();
    },
  };
}

runUntilStopped(startDev);
