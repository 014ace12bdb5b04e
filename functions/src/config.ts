import { locales } from '@organizer/core';
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

/** Every setting Organizer reads, documented in `.env.example`. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TABLE_NAME: z.string().min(1).default('organizer'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: optional,
  DATA_DIR: z.string().min(1).default('.data'),
  SLACK_SIGNING_SECRET: optional,
  SLACK_BOT_TOKEN: optional,
  SLACK_API_URL: z.string().url().default('https://slack.com/api/'),
  DISCORD_PUBLIC_KEY: optional.refine((v) => v === undefined || /^[0-9a-fA-F]{64}$/.test(v), 'must be 64 hex characters'),
  DISCORD_APPLICATION_ID: optional,
  DISCORD_BOT_TOKEN: optional,
  DISCORD_API_URL: z.string().url().default('https://discord.com/api/v10'),
  DEFAULT_LOCALE: z.enum(locales).default('en'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** On AWS: SSM parameter names are this prefix plus `slack-signing-secret`, … (see infra). */
  SECRETS_SSM_PREFIX: optional,
});
export type Config = z.infer<typeof ConfigSchema>;

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
