import { locales } from '@organizer/core';
// zod/mini with named imports keeps config parsing out of the cold-start budget (see core's command.ts).
import {
  _default,
  type core,
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
/** A yes/no setting: true, false, 1 or 0 (any case); unset or empty means `fallback`. Anything else is refused, not guessed. */
const flag = (fallback: boolean) =>
  pipe(
    optionalSetting.check(refine((v) => v === undefined || /^(true|false|1|0)$/i.test(v), 'true, false, 1 or 0')),
    transform((v) => (v === undefined ? fallback : /^(true|1)$/i.test(v))),
  );

/** Every setting Organizer reads, documented in `.env.example`. */
export const ConfigSchema = object({
  PORT: pipe(
    optionalSetting.check(refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) <= 65535), 'a port number from 0 to 65535')),
    transform((v) => (v === undefined ? 3000 : Number(v))),
  ),
  TABLE_NAME: nonEmpty('organizer'),
  AWS_REGION: nonEmpty('us-east-1'),
  DYNAMODB_ENDPOINT: optionalSetting,
  DATA_DIR: nonEmpty('.data'),
  SLACK_SIGNING_SECRET: optionalSetting,
  SLACK_BOT_TOKEN: optionalSetting,
  SLACK_API_URL: _default(url(), 'https://slack.com/api/'),
  /** Locally: an app-level token (xapp-…) lets `npm run dev` receive Slack over Socket Mode, with no public URL. */
  SLACK_APP_TOKEN: optionalSetting.check(refine((v) => v === undefined || v.startsWith('xapp-'), 'an app-level token (xapp-…)')),
  /** Slack OAuth (many workspaces): used when SLACK_BOT_TOKEN is unset. */
  SLACK_CLIENT_ID: optionalSetting,
  SLACK_CLIENT_SECRET: optionalSetting,
  SLACK_STATE_SECRET: optionalSetting,
  /** Where browsers reach this app (the OAuth redirect); unset, the address a request came to. */
  PUBLIC_URL: optionalSetting.check(refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'an http(s) URL')),
  /** Signs calendar feed links (HMAC-SHA256); unset locally, a key file under DATA_DIR. On AWS it must be set, or feeds are off. */
  CALENDAR_SECRET: optionalSetting.check(refine((v) => v === undefined || v.length >= 32, 'at least 32 characters')),
  /** On AWS: the KMS key that wraps the data keys installation tokens are encrypted with. */
  TOKEN_KMS_KEY_ID: optionalSetting,
  DISCORD_PUBLIC_KEY: optionalSetting.check(refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), '64 hex characters')),
  DISCORD_APPLICATION_ID: optionalSetting,
  DISCORD_BOT_TOKEN: optionalSetting,
  DISCORD_API_URL: _default(url(), 'https://discord.com/api/v10'),
  /** The public interactions endpoint URL set in the developer portal; unset, `npm run dev` receives interactions over the gateway. */
  DISCORD_INTERACTIONS_URL: optionalSetting,
  /** The browser playground at `/`: on locally, off on AWS (where the stack sets the settings below), unless set. */
  PLAYGROUND: pipe(
    optionalSetting.check(refine((v) => v === undefined || /^(true|false|1|0)$/i.test(v), 'true, false, 1 or 0')),
    transform((v): 'true' | 'false' | undefined => (v === undefined ? undefined : /^(true|1)$/i.test(v) ? 'true' : 'false')),
  ),
  DEFAULT_LOCALE: _default(oneOf(locales), 'en'),
  LOG_LEVEL: _default(oneOf(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
  /** On AWS: SSM parameter names are this prefix plus `slack-signing-secret`, … (see infra). */
  SECRETS_SSM_PREFIX: optionalSetting,
  /** On AWS: the worker function deferred work is handed to; unset, it runs in this process. */
  WORKER_FUNCTION_NAME: optionalSetting,
  /** Locally: run the scheduler tick every minute (`npm start`); `false` (or 0) turns it off. */
  LOCAL_TICK: flag(true),
});
export type Config = output<typeof ConfigSchema>;

/** A setting that is not what Organizer expects; the message is one line per bad key, naming the key, its value and what is expected. */
export class ConfigError extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Secrets and tokens are shown only by their first characters: an error line may end up in a shared log. */
function shown(key: string, value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const secret = /SECRET|TOKEN|KEY_ID/.test(key) && value.length > 8;
  return JSON.stringify(secret ? `${value.slice(0, 5)}…` : value);
}

function expected(issue: core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `one of ${issue.values.join(', ')}`;
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'a URL';
  if (issue.code === 'too_small') return 'a value that is not empty';
  return issue.message;
}

/** Parses the environment once; the only place that reads `process.env`. Throws a {@link ConfigError} for bad values. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '?');
    return `${key}=${shown(key, env[key])} is not valid: expected ${expected(issue)}`;
  });
  throw new ConfigError([...new Set(lines)]);
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
