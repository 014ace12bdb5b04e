import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import eventFixture from '../../tests/fixtures/lambda/function-url-event.json' with { type: 'json' };
import { OUT } from './bundle.ts';
import type { SignedRequest } from './requests.ts';
import { median } from './stats.ts';

/** Imports a bundle, answers one event, prints status and elapsed time, and exits. */
const RUNNER = `const started = performance.now();
const { readFileSync } = await import('node:fs');
const { handler } = await import(process.argv[2]);
const result = await handler(JSON.parse(readFileSync(process.argv[3], 'utf8')), { awsRequestId: 'bench' });
process.stdout.write(JSON.stringify({ status: result.statusCode, body: String(result.body).slice(0, 200), inProcess: performance.now() - started }));
process.exit(0);
`;

function eventFile(name: string, method: string, request: SignedRequest | { path: string }): string {
  const event = structuredClone(eventFixture) as Record<string, any>;
  event.rawPath = request.path;
  event.requestContext.http = { ...event.requestContext.http, method, path: request.path };
  if ('body' in request) {
    Object.assign(event.headers, request.headers);
    event.body = request.body;
  }
  const file = resolve(OUT, `${name}.event.json`);
  writeFileSync(file, JSON.stringify(event));
  return file;
}

function runOnce(
  bundle: string,
  event: string,
  env: Record<string, string>,
): Promise<{ wall: number; inProcess: number; status: number; body: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve(OUT, 'runner.mjs'), resolve(bundle), event], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('exit', (code) => {
      const wall = performance.now() - started;
      if (code !== 0) return fail(new Error(`cold start run failed (${code}): ${err.slice(0, 500)}`));
      const parsed = JSON.parse(out) as { status: number; body: string; inProcess: number };
      done({ wall, ...parsed });
    });
  });
}

export interface ColdStart {
  readonly name: string;
  readonly median: number;
  readonly min: number;
  readonly inProcess: number;
}

/** Fresh Node processes, cases interleaved round-robin so machine noise hits all of them alike. */
export async function measureColdStarts(
  bundles: { http: string; bare: string },
  requests: { slack: SignedRequest; discord: SignedRequest },
  env: Record<string, string>,
  runs = 15,
): Promise<ColdStart[]> {
  writeFileSync(resolve(OUT, 'runner.mjs'), RUNNER);
  const cases = [
    { name: 'bare Hono, GET /healthz', bundle: bundles.bare, event: eventFile('bare', 'GET', { path: '/healthz' }) },
    { name: 'http, Slack /community help', bundle: bundles.http, event: eventFile('slack', 'POST', requests.slack) },
    { name: 'http, Discord /community help', bundle: bundles.http, event: eventFile('discord', 'POST', requests.discord) },
  ];
  const samples = cases.map(() => ({ wall: [] as number[], inProcess: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    for (const [index, c] of cases.entries()) {
      const result = await runOnce(c.bundle, c.event, env);
      if (result.status !== 200) throw new Error(`${c.name} answered ${result.status}: ${result.body}`);
      samples[index]?.wall.push(result.wall);
      samples[index]?.inProcess.push(result.inProcess);
    }
  }
  return cases.map((c, i) => ({
    name: c.name,
    median: median(samples[i]?.wall ?? []),
    min: Math.min(...(samples[i]?.wall ?? [])),
    inProcess: median(samples[i]?.inProcess ?? []),
  }));
}
