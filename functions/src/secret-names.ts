/** SSM parameter names (after the prefix) and the config keys they fill; shared with `infra/` for IAM. */
export const secretParameters = {
  'slack-signing-secret': 'SLACK_SIGNING_SECRET',
  'slack-bot-token': 'SLACK_BOT_TOKEN',
  'slack-client-id': 'SLACK_CLIENT_ID',
  'slack-client-secret': 'SLACK_CLIENT_SECRET',
  'slack-state-secret': 'SLACK_STATE_SECRET',
  'discord-public-key': 'DISCORD_PUBLIC_KEY',
  'discord-application-id': 'DISCORD_APPLICATION_ID',
  'discord-bot-token': 'DISCORD_BOT_TOKEN',
  'calendar-secret': 'CALENDAR_SECRET',
} as const;
