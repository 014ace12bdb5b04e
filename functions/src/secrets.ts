import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

/** SSM parameter names (after the prefix) and the config keys they fill. */
export const secretParameters = {
  'slack-signing-secret': 'SLACK_SIGNING_SECRET',
  'slack-bot-token': 'SLACK_BOT_TOKEN',
  'discord-public-key': 'DISCORD_PUBLIC_KEY',
  'discord-application-id': 'DISCORD_APPLICATION_ID',
  'discord-bot-token': 'DISCORD_BOT_TOKEN',
} as const;

/**
 * Reads the platform secrets from SSM Parameter Store once per cold start, so they are never
 * inlined in the function's environment. Missing parameters stay unset: that platform answers 401.
 */
export async function readSecrets(prefix: string, region: string): Promise<Record<string, string>> {
  const ssm = new SSMClient({ region });
  const names = Object.keys(secretParameters).map((name) => `${prefix}${name}`);
  const { Parameters = [] } = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
  const values: Record<string, string> = {};
  for (const parameter of Parameters) {
    const short = parameter.Name?.slice(prefix.length) as keyof typeof secretParameters | undefined;
    if (short && short in secretParameters && parameter.Value) values[secretParameters[short]] = parameter.Value;
  }
  return values;
}
