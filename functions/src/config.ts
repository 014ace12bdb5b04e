import { locales } from '@organizer/core';
// zod/mini with named imports keeps config parsing out of the cold-start budget (see core's command.ts).
import {
  _default,
  coerce,
  maximum,
  minimum,
  minLength,
  object,
  enum as oneOf,
  optional,
  type output,
  pipe,
  refine,
  string,
  transform,
  url,
} from 'zod/mini';

/** An optional setting where an empty value (`KEY=` in `.env`) means unset. */
const optionalSetting = pipe(
  optional(string()),
  transform((v) => v?.trim() || undefined),
);
const nonEmpty = (fallback: string) => _default(string().check(minLength(1)), fallback);

/** Every setting Organizer reads, documented in `.env.example`. */
export const ConfigSchema = object({
  PORT: _default(coerce.number().check(refine(Number.isInteger, 'must be an integer'), minimum(0), maximum(65535)), 3000),
  TABLE_NAME: nonEmpty('organizer'),
  AWS_REGION: nonEmpty('us-east-1'),
  DYNAMODB_ENDPOINT: optionalSetting,
  DATA_DIR: nonEmpty('.data'),
  SLACK_SIGNING_SECRET: optionalSetting,
  SLACK_BOT_TOKEN: optionalSetting,
  SLACK_API_URL: _default(url(), 'https://slack.com/api/'),
  /** Locally: an app-level token (xapp-…) lets `npm run dev` receive Slack over Socket Mode, with no public URL. */
  SLACK_APP_TOKEN: optionalSetting.check(refine((v) => v === undefined || v.startsWith('xapp-'), 'must be an app-level token (xapp-…)')),
  /** Slack OAuth (many workspaces): used when SLACK_BOT_TOKEN is unset. */
  SLACK_CLIENT_ID: optionalSetting,
  SLACK_CLIENT_SECRET: optionalSetting,
  SLACK_STATE_SECRET: optionalSetting,
  /** Where browsers reach this app (the OAuth redirect); unset, the address a request came to. */
  PUBLIC_URL: optionalSetting.check(refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL')),
  /** On AWS: the KMS key that wraps the data keys installation tokens are encrypted with. */
  TOKEN_KMS_KEY_ID: optionalSetting,
  DISCORD_PUBLIC_KEY: optionalSetting.check(refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), 'must be 64 hex characters')),
  DISCORD_APPLICATION_ID: optionalSetting,
  DISCORD_BOT_TOKEN: optionalSetting,
  DISCORD_API_URL: _default(url(), 'https://discord.com/api/v10'),
  /** The public interactions endpoint URL set in the developer portal; unset, `npm run dev` receives interactions over the gateway. */
  DISCORD_INTERACTIONS_URL: optionalSetting,
  /** The browser playground at `/`: on locally, off on AWS (where the stack sets the settings below), unless set. */
  PLAYGROUND: optionalSetting.check(refine((v) => v === undefined || v === 'true' || v === 'false', 'must be true or false')),
  DEFAULT_LOCALE: _default(oneOf(locales), 'en'),
  LOG_LEVEL: _default(oneOf(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  /** On AWS: SSM parameter names are this prefix plus `slack-signing-secret`, … (see infra). */
  SECRETS_SSM_PREFIX: optionalSetting,
  /** On AWS: the worker function deferred work is handed to; unset, it runs in this process. */
  WORKER_FUNCTION_NAME: optionalSetting,
  /** Locally: run the scheduler tick every minute (`npm start`); `false` turns it off. */
  LOCAL_TICK: _default(
    pipe(
      string(),
      transform((v) => v.trim().toLowerCase() !== 'false'),
    ),
    true,
  ),
});
export type Config = output<typeof ConfigSchema>;

/** Parses the environment once; the only place that reads `process.env`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return ConfigSchema.parse(env);
}

/** A copy of the environment, for entry points that merge more values (secrets) before parsing. */
export function environment(): Record<string, string | undefined> {
  return { ...process.env };
}

/** Loads `.env` into the environment when the file exists (local runs only). */
export function readDotEnv(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch {
    return false;
  }
}
