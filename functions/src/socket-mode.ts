import { loadLocale } from '@organizer/core';
import { type Logger as SlackLogger, LogLevel as SlackLogLevel, SocketModeClient } from '@slack/socket-mode';
import type { Config } from './config.ts';
import { type AppDeps, slackAdapterDeps } from './deps.ts';
import type { Logger } from './log.ts';

/** A live connection to a platform, started by `npm run dev`. */
export interface Connection {
  /** Resolves once the platform has greeted us; rejects when it cannot be reached or refuses the token. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** What one Socket Mode envelope hands its listener (`slack_event`). */
interface Envelope {
  readonly type: string;
  readonly body: unknown;
  readonly retry_num?: number;
  readonly ack: (payload?: Record<string, unknown> | string) => Promise<void>;
}

/** The envelope types that carry what Slack would otherwise POST to /slack/events. */
const DISPATCHED = new Set(['slash_commands', 'interactive', 'events_api']);

/**
 * Slack's client logs through our logger. Its debug lines carry whole payloads (people's words), which
 * our logs never hold, so they are dropped.
 */
function slackLogger(log: Logger, level: Config['LOG_LEVEL']): SlackLogger {
  const line =
    (at: 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) =>
      log[at]('Slack Socket Mode', { detail: msg.map(String).join(' ') });
  return {
    debug: () => {},
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => {},
    setName: () => {},
    getLevel: () =>
      level === 'warn' ? SlackLogLevel.WARN : level === 'error' || level === 'silent' ? SlackLogLevel.ERROR : SlackLogLevel.INFO,
  };
}

/**
 * Slack over Socket Mode (`SLACK_APP_TOKEN`): `apps.connections.open` on SLACK_API_URL hands out a WebSocket URL,
 * and every envelope goes down the same path as a verified POST /slack/events. The connection itself is
 * authenticated by the app-level token, so there is no signature to check. The ack carries what the route would
 * have answered (a slash command's reply, a modal's field errors); Slack waits 3 seconds for it, as for HTTP.
 */
export function startSocketMode(config: Config, deps: AppDeps): Connection {
  if (!config.SLACK_APP_TOKEN) throw new Error('SLACK_APP_TOKEN is not set');
  const client = new SocketModeClient({
    appToken: config.SLACK_APP_TOKEN,
    logger: slackLogger(deps.log, config.LOG_LEVEL),
    clientOptions: { slackApiUrl: config.SLACK_API_URL },
  });

  const ready = (async () => {
    const { dispatchSlackBody } = await import('@organizer/slack');
    // What the route hands the adapter, minus the signing secret: the token authenticated the connection.
    const slack = await slackAdapterDeps(deps);
    // The adapter's own messages (bad requests) are in the default language: load it if not English.
    await loadLocale(deps.defaultLocale);
    client.on('slack_event', async (envelope: Envelope) => {
      const body = envelope.body;
      if (!DISPATCHED.has(envelope.type) || !body || typeof body !== 'object' || Array.isArray(body)) {
        await envelope.ack().catch(deps.onError);
        return;
      }
      try {
        const result = await dispatchSlackBody(body as Record<string, unknown>, envelope.retry_num, slack);
        if (result.status !== 200) deps.log.warn('Slack envelope refused', { type: envelope.type, status: result.status });
        await envelope.ack(result.status === 200 ? (result.body as Record<string, unknown> | string | undefined) : undefined);
      } catch (error) {
        // Where the route would answer 500: no ack, so Slack delivers the envelope again.
        deps.onError(error);
      }
    });
    await client.start();
    deps.log.info('Slack Socket Mode connected', { api: config.SLACK_API_URL });
  })();
  return { ready, stop: () => client.disconnect() };
}
