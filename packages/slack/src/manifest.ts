import { clip, commandText, helpEntries, t } from '@organizer/core';

/** The bot scopes Organizer uses; the manifest and the OAuth install ask for the same ones. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'users:read',
  'im:write',
  // A pairing group's one conversation (a group DM of the two or three of them).
  'mpim:write',
  'files:write',
  // The living board, pinned in the home channel (`pins.add`, `pins.remove`).
  'pins:write',
  'channels:read',
  'groups:read',
  // A worker post whose outcome is unknown is looked for before it is retried (conversations.history and
  // .replies) in public and private channels, DMs and group DMs.
  'channels:history',
  'groups:history',
  'im:history',
  'mpim:history',
];

/** How the app is reached: Slack's requests to a public URL, or Socket Mode (`npm run dev`, no public URL). */
export interface ManifestOptions {
  readonly socketMode?: boolean;
}

/**
 * The Slack app manifest: one `/community` command, interactivity and events on the same URL (or over
 * Socket Mode), the OAuth redirect for installs into many workspaces, and the scopes the app uses.
 */
/** Slack's hint under the command: every subcommand help shows, in help's order (the seven stages first). */
export function usageHint(): string {
  const words = [...new Set(helpEntries().map((entry) => commandText(entry.form, 'slack').split(' ')[1] ?? ''))].filter(Boolean);
  return clip(words.join(' | '), 1000);
}

export function slackManifest(baseUrl: string, options: ManifestOptions = {}): Record<string, unknown> {
  const base = baseUrl.replace(/\/$/, '');
  const url = `${base}/slack/events`;
  const socket = options.socketMode === true;
  // Over Socket Mode Slack sends everything through the socket: no request URLs.
  const at = socket ? {} : { url };
  const requestUrl = socket ? {} : { request_url: url };
  return {
    display_information: { name: 'Organizer', description: t('en', 'cmd.community.description') },
    features: {
      bot_user: { display_name: 'Organizer', always_online: true },
      // Offers, tasks and reflections arrive as direct messages from the app, with buttons; the Home tab
      // shows each person what is theirs to do (published by the worker on `app_home_opened`).
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: [
        {
          command: '/community',
          ...at,
          description: t('en', 'cmd.community.description'),
          usage_hint: usageHint(),
          should_escape: true,
        },
      ],
    },
    oauth_config: {
      // Where Slack returns after "Add to Slack" (`/slack/install`); unused with a single workspace's token.
      redirect_urls: [`${base}/slack/oauth_redirect`],
      scopes: { bot: BOT_SCOPES },
    },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: ['app_home_opened', 'member_joined_channel', 'app_uninstalled', 'tokens_revoked'] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}
