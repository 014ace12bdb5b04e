/** SSM parameter names (after the prefix) and the config keys they fill; shared with `infra/` for IAM. */
export const secretParameters = {
  'slack-signing-secret': 'SLACK_SIGNING_SECRET',
  'slack-bot-token': 'SLACK_BOT_TOKEN',
  'discord-public-key': 'DISCORD_PUBLIC_KEY',
  'discord-application-id': 'DISCORD_APPLICATION_ID',
  'discord-bot-token': 'DISCORD_BOT_TOKEN',
} as const;
