import type { Job } from '@organizer/core';
import { environment, loadConfig } from './config.ts';
import { buildDeps } from './deps.ts';

/** Worker entry: runs a batch of jobs handed over by the scheduler or a request (asynchronous invocation). */
const env = environment();
const base = loadConfig(env);
const secrets = base.SECRETS_SSM_PREFIX ? await (await import('./secrets.ts')).readSecrets(base.SECRETS_SSM_PREFIX, base.AWS_REGION) : {};
const deps = buildDeps(loadConfig({ ...env, ...secrets }));

export async function handler(event: { jobs?: Job[] }): Promise<{ done: number; failed: number }> {
  const result = await deps.runJobs(event.jobs ?? []);
  // A failed delivery fails the invocation: it shows in the errors alarm (claims keep retries from repeating the rest).
  if (result.failed > 0) throw new Error(`${result.failed} of ${event.jobs?.length ?? 0} jobs failed`);
  return result;
}
