import type { CommandContext, Reply, Tenant } from '@organizer/core';
import { asMessage, commandForAction, ephemeral, type MessageReply, platformText, t } from '@organizer/core';
import type { BlockAction, App as BoltApp, ViewSubmitAction } from '@slack/bolt';
import * as appModule from '@slack/bolt/dist/App.js';
import { LogLevel } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { adminCheck } from './admin.ts';
import { webClients } from './clients.ts';
import type { SlackDeps } from './deps.ts';
import { isHomeClick, listenForHome, markFromHome, onHome, openedFromHome } from './home.ts';
import { metadataOf, parseSlashText, parseViewSubmission } from './parse.ts';
import { profileLookup, sharedUsersInfo } from './profile.ts';
import { RequestReceiver } from './receiver.ts';
import { renderMessage, renderModal, renderSlashResponse } from './render.ts';

/**
 * `App` straight from its module: Bolt's index also loads Express, OAuth and Socket Mode receivers
 * (~1.2 MB, ~90 ms of cold start) that a custom receiver never uses. CommonJS interop nests the class
 * one `default` deep under both Node and esbuild.
 */
const App = ((appModule as { default?: { default?: unknown } }).default?.default ??
  (appModule as { default?: unknown }).default) as typeof BoltApp;

type IsAdmin = ReturnType<typeof adminCheck>;
type ProfileOf = ReturnType<typeof profileLookup>;

function contextFor(
  tenant: Tenant,
  channelId: string,
  userId: string,
  client: WebClient,
  isAdmin: IsAdmin,
  profileOf: ProfileOf,
  triggerId?: string,
  /** A slash command's `response_url`: how an answer given later reaches the person (checked before any post). */
  responseUrl?: string,
): CommandContext {
  return {
    tenant,
    channelId,
    userId,
    ...(triggerId ? { interactionId: triggerId } : {}),
    ...(responseUrl ? { answerLater: { platform: 'slack', responseUrl } } : {}),
    // Slack sends no locale with commands; workspace admins and owners are leaders (asked only when needed).
    isPlatformAdmin: () => isAdmin(client, tenant.id, userId),
    // Their language and zone from their Slack profile (cached; asked only when core needs it).
    platformProfile: () => profileOf(client, tenant.id, userId),
  };
}

/** Inside a request: fail fast when the API is unreachable instead of retrying for minutes inside a 3-second window. */
const FAIL_FAST = { retryConfig: { retries: 0 }, timeout: 2500 };

/** Builds the Bolt app once per composition root: listeners map Slack payloads to commands and replies back. */
export function createBoltApp(deps: SlackDeps): RequestReceiver {
  const receiver = new RequestReceiver();
  // One users.info per person serves both the reader's language and the admin check.
  const usersInfo = sharedUsersInfo(deps.now);
  const isAdmin = adminCheck({ now: deps.now, usersInfo });
  const profileOf = profileLookup({ now: deps.now, usersInfo });
  const app = new App({
    receiver,
    // `authorize` instead of `token`: a plain token makes Bolt call auth.test over the network.
    authorize: async ({ teamId, enterpriseId, isEnterpriseInstall }) => {
      const id = isEnterpriseInstall ? enterpriseId : (teamId ?? enterpriseId);
      const organization = { id: enterpriseId, whole: isEnterpriseInstall };
      const found = id ? await deps.installations.forTenant({ platform: 'slack', id }, organization) : undefined;
      if (!found) return {};
      return {
        botToken: found.botToken,
        botId: found.botId,
        botUserId: found.botUserId,
        ...(found.apiUrl ? { apiUrl: found.apiUrl } : {}),
      };
    },
    clientOptions: { slackApiUrl: deps.apiUrl, ...FAIL_FAST },
    logLevel: LogLevel.ERROR,
  });
  // Bolt's own clients all talk to one API base; an installation with its own (the playground's sandbox) gets its own client.
  const ownClient = webClients(FAIL_FAST);
  const clientOf = ({ client, context }: { client: WebClient; context: { botToken?: string; apiUrl?: unknown } }): WebClient =>
    typeof context.apiUrl === 'string' && context.botToken ? ownClient(context.botToken, context.apiUrl) : client;
  const fail = (error: unknown): MessageReply => {
    deps.onError?.(error);
    return ephemeral(t(deps.defaultLocale, 'error.generic'));
  };

  // A workspace that is not (or no longer) installed: nothing runs without its token. A command hears
  // how to install; uninstall events still pass, to clean up.
  if (deps.installs) {
    app.use(async ({ context, body, next, ack }) => {
      if (context.botToken) return next();
      const payload = body as { command?: unknown; event?: { type?: string } };
      if (payload.event?.type === 'app_uninstalled' || payload.event?.type === 'tokens_revoked') return next();
      if (typeof payload.command === 'string')
        return ack?.(renderSlashResponse(ephemeral(t(deps.defaultLocale, 'install.missing'))) as never);
      return ack?.();
    });
  }

  app.command(/.*/, async (args) => {
    const { command, ack } = args;
    const client = clientOf(args);
    const ctx = contextFor(
      { platform: 'slack', id: command.team_id },
      command.channel_id,
      command.user_id,
      client,
      isAdmin,
      profileOf,
      command.trigger_id,
      command.response_url,
    );
    const reply = await deps.run(parseSlashText(command.text ?? ''), ctx).catch(fail);
    if (reply.kind === 'modal') {
      try {
        await client.views.open({ trigger_id: command.trigger_id, view: renderModal(reply.modal, command.channel_id) as never });
        return ack();
      } catch (error) {
        return ack(renderSlashResponse(fail(error)) as never);
      }
    }
    const message = asMessage(reply);
    return ack(renderSlashResponse(message) as never);
  });

  app.view({ type: 'view_submission', callback_id: /.*/ }, async (args) => {
    const { ack, body, view } = args;
    const client = clientOf(args);
    const submit = body as ViewSubmitAction;
    const { channelId } = metadataOf(view);
    const teamId = submit.team?.id ?? submit.user.team_id;
    const command = parseViewSubmission(view.callback_id, view);
    if (!teamId || !channelId || !command) return ack();
    const home = openedFromHome(view);
    const ctx = onHome(
      contextFor({ platform: 'slack', id: teamId }, channelId, submit.user.id, client, isAdmin, profileOf, submit.trigger_id),
      home,
    );
    const reply = await deps.run(command, ctx).catch(fail);
    if (reply.kind === 'fieldErrors')
      return ack({
        response_action: 'errors',
        errors: Object.fromEntries(Object.entries(reply.errors).map(([field, text]) => [field, platformText(text, 'slack')])),
      });
    if (reply.kind === 'modal') {
      const next = renderModal(reply.modal, channelId);
      return ack({ response_action: 'update', view: (home ? markFromHome(next) : next) as never });
    }
    await ack();
    // From the Home tab: the kernel republishes the Home with the answer on top (no channel to answer in).
    if (home) return;
    // A modal opened from a button may redraw the message that button sat on (its response_url came along).
    await answerAfterAck(client, reply, channelId, submit.user.id, metadataOf(view).responseUrl);
  });

  // Buttons (coach, share, reflect): the command behind the id, answered with a modal or an ephemeral message.
  app.action(/.*/, async (args) => {
    const { ack, body } = args;
    const client = clientOf(args);
    await ack();
    const click = body as BlockAction;
    const action = click.actions?.[0] as { action_id?: string } | undefined;
    // A click in the App Home has no channel: the person's own id stands in (their direct messages with the app).
    const home = isHomeClick(click);
    const channelId =
      click.channel?.id ?? (click.container as { channel_id?: string } | undefined)?.channel_id ?? (home ? click.user.id : undefined);
    const teamId = click.team?.id ?? click.user.team_id;
    const messageId = (click.container as { message_ts?: string } | undefined)?.message_ts ?? click.message?.ts;
    const command =
      action?.action_id && channelId ? commandForAction(action.action_id, { channelId, ...(messageId ? { messageId } : {}) }) : undefined;
    if (!teamId || !channelId || !command) return;
    const ctx = onHome(
      contextFor({ platform: 'slack', id: teamId }, channelId, click.user.id, client, isAdmin, profileOf, click.trigger_id),
      home,
    );
    const reply = await deps.run(command, ctx).catch(fail);
    if (reply.kind === 'modal') {
      const modal = renderModal(reply.modal, channelId, click.response_url);
      await client.views
        .open({ trigger_id: click.trigger_id, view: (home ? markFromHome(modal) : modal) as never })
        .catch((error: unknown) => deps.onError?.(error));
      return;
    }
    if (home) return;
    await answerAfterAck(client, reply, channelId, click.user.id, click.response_url);
  });

  /**
   * After an ack there is no HTTP answer left: post the reply where the user is, or, for a reply that
   * redraws the message a button sat on (an ephemeral list), replace that message through its `response_url`.
   */
  async function answerAfterAck(client: WebClient, reply: Reply, channelId: string, userId: string, responseUrl?: string): Promise<void> {
    if (reply.kind === 'modal') return;
    const message = asMessage(reply);
    const rendered = renderMessage(message);
    if (message.replace && responseUrl && (await replaceOriginal(responseUrl, rendered))) return;
    await (message.visibility === 'channel'
      ? client.chat.postMessage({ channel: channelId, ...rendered })
      : client.chat.postEphemeral({ channel: channelId, user: userId, ...rendered })
    ).catch((error: unknown) => deps.onError?.(error));
  }

  // Events API: someone joined a channel. The community's home channel welcomes them by DM (once: the
  // event is claimed before Bolt sees it, and the welcome itself is claimed per member).
  app.event('member_joined_channel', async (args) => {
    const { event, body } = args;
    const client = clientOf(args);
    const teamId = (body as { team_id?: string }).team_id ?? event.team;
    if (!teamId || !event.channel || !event.user) return;
    const ctx = contextFor({ platform: 'slack', id: teamId }, event.channel, event.user, client, isAdmin, profileOf);
    await deps.run({ type: 'welcome', userId: event.user }, ctx).catch(fail);
  });

  listenForHome(app, ({ teamId, channelId, userId }, args) =>
    deps
      .run({ type: 'home.open' }, contextFor({ platform: 'slack', id: teamId }, channelId, userId, clientOf(args), isAdmin, profileOf))
      .catch(fail),
  );

  // The app left a workspace (or its bot token was revoked): its token goes at once. The community's
  // data stays until its coordinator asks for it to be deleted.
  const uninstall = async (body: unknown) => {
    const { team_id, enterprise_id, is_enterprise_install } = body as {
      team_id?: string;
      enterprise_id?: string;
      is_enterprise_install?: boolean;
    };
    await deps.installs?.deleteInstallation({
      teamId: team_id,
      enterpriseId: enterprise_id,
      isEnterpriseInstall: is_enterprise_install === true,
    });
  };
  app.event('app_uninstalled', async ({ body }) => uninstall(body));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Signed but odd payloads (no `tokens`) change nothing.
    if ((event.tokens?.bot ?? []).length > 0) await uninstall(body);
  });

  app.error(async (error) => deps.onError?.(error));
  return receiver;
}

/** Replaces the message a button sat on (an ephemeral one too) through the interaction's `response_url`; false when Slack refused it. */
async function replaceOriginal(responseUrl: string, rendered: { text: string; blocks: unknown[] }): Promise<boolean> {
  try {
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, response_type: 'ephemeral', ...rendered }),
      signal: AbortSignal.timeout(FAIL_FAST.timeout),
    });
    return response.ok;
  } catch {
    return false;
  }
}
