import { t } from '@organizer/core';

/** The bot scopes Organizer uses; the manifest and the OAuth install ask for the same ones. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'users:read',
  'im:write',
  'files:write',
  'channels:read',
  'groups:read',
];

/**
 * The Slack app manifest: one `/community` command, interactivity and events on the same URL,
 * and the scopes the app uses (commands, posting, reading users to know admins).
 */
export function slackManifest(baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl.replace(/\/$/, '')}/slack/events`;
  return {
    display_information: { name: 'Organizer', description: t('en', 'cmd.community.description') },
    features: {
      bot_user: { display_name: 'Organizer', always_online: true },
      // Offers, tasks and reflections arrive as direct messages from the app, with buttons.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: [
        {
          command: '/community',
          url,
          description: t('en', 'cmd.community.description'),
          usage_hint: 'help | status | story | roles | assign | task | standup | strategy | campaign | event | debrief | next | export',
          should_escape: false,
        },
      ],
    },
    oauth_config: {
      scopes: {
        bot: BOT_SCOPES,
      },
    },
    settings: {
      event_subscriptions: { request_url: url, bot_events: ['app_home_opened', 'member_joined_channel'] },
      interactivity: { is_enabled: true, request_url: url },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
