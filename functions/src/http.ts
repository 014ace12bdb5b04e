import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { environment, loadConfig } from './config.ts';
import { buildDeps } from './deps.ts';

/** Lambda entry: config (and secrets from SSM) once per cold start, then Hono translates events. */
const env = environment();
const base = loadConfig(env);
// The SSM client is loaded only where secrets live in SSM (on AWS), not on every cold start path.
const secrets = base.SECRETS_SSM_PREFIX ? await (await import('./secrets.ts')).readSecrets(base.SECRETS_SSM_PREFIX, base.AWS_REGION) : {};
const config = loadConfig({ ...env, ...secrets });

export const handler = handle(createApp(buildDeps(config)));
