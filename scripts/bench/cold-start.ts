import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import eventFixture from '../../tests/fixtures/lambda/function-url-event.json' with { type: 'json' };
import type { Bundle } from './bundle.ts';
import { OUT } from './bundle.ts';
import type { SignedRequest } from './requests.ts';
import { median } from './stats.ts';

/**
 * Runs in a fresh Node process: imports a bundle, answers one Function URL event, prints the result and
 * timings, and exits. `performance.now()` counts from the process's own start, so `boot` is Node's startup
 * before any of our code and `inProcess` is import + first response.
 */
const RUNNER = `const boot = performance.now();
const { readFileSync } = await import('node:fs');
const event = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const started = performance.now();
const { handler } = await import(process.argv[2]);
const result = await handler(event, { awsRequestId: 'bench' });
const inProcess = performance.now() - started;
process.stdout.write(JSON.stringify({ status: result.statusCode, body: String(result.body), boot, inProcess }));
process.exit(0);
`;

export type RequestKind = 'healthz' | 'slack' | 'discord';

/** What each request must answer, so a broken bundle fails loudly instead of timing a fast error. */
const looksRight: Record<RequestKind, (body: any) => boolean> = {
  healthz: (b) => b?.ok === true,
  slack: (b) => b?.response_type === 'ephemeral' && typeof b.text === 'string' && b.text.includes('/community'),
  // Help on Discord comes as embeds (one per part that fits Discord's limits).
  discord: (b) =>
    b?.type === 4 &&
    (b.data?.flags & 64) === 64 &&
    [b.data?.content ?? '', ...(b.data?.embeds ?? []).map((e: { description?: string }) => e.description ?? '')]
      .join('\n')
      .includes('/community'),
};

/** A Function URL event (payload format 2.0) carrying the request, as AWS delivers it. */
function eventFile(name: string, request: SignedRequest | { path: string }): string {
  const event = structuredClone(eventFixture) as Record<string, any>;
  const method = 'body' in request ? 'POST' : 'GET';
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

interface Sample {
  readonly wall: number;
  readonly boot: number;
  readonly inProcess: number;
  readonly status: number;
  readonly body: string;
}

/** Wall time is taken in the parent around spawn → exit: process start and teardown included. */
function runOnce(entry: string, event: string, env: Record<string, string>): Promise<Sample> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [resolve(OUT, 'runner.mjs'), resolve(entry), event], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = performance.now() - started;
      if (code !== 0) return fail(new Error(`cold start of ${entry} failed (exit ${code}): ${err.slice(0, 800)}`));
      done({ wall, ...(JSON.parse(out) as Omit<Sample, 'wall'>) });
    });
  });
}

export interface ColdStart {
  readonly bundle: string;
  readonly request: RequestKind;
  readonly median: number;
  readonly min: number;
  readonly boot: number;
  readonly inProcess: number;
}

/** Fresh Node processes, cases interleaved round-robin so machine noise hits all of them alike. */
export async function measureColdStarts(
  bundles: { bare: Bundle; http: readonly Bundle[] },
  requests: { slack: SignedRequest; discord: SignedRequest },
  env: Record<string, string>,
  runs: number,
): Promise<ColdStart[]> {
  writeFileSync(resolve(OUT, 'runner.mjs'), RUNNER);
  const events: Record<RequestKind, string> = {
    healthz: eventFile('healthz', { path: '/healthz' }),
    slack: eventFile('slack', requests.slack),
    discord: eventFile('discord', requests.discord),
  };
  const cases: { bundle: Bundle; request: RequestKind }[] = [
    { bundle: bundles.bare, request: 'healthz' },
    ...bundles.http.flatMap((bundle) => (['slack', 'discord'] as const).map((request) => ({ bundle, request }))),
  ];
  const samples = cases.map(() => [] as Sample[]);
  for (let i = 0; i < runs; i++) {
    for (const [index, c] of cases.entries()) {
      const sample = await runOnce(c.bundle.entry, events[c.request], env);
      let body: unknown;
      try {
        body = JSON.parse(sample.body);
      } catch {}
      if (sample.status !== 200 || !looksRight[c.request](body))
        throw new Error(`${c.bundle.name}, ${c.request}: answered ${sample.status} ${sample.body.slice(0, 300)}`);
      samples[index]?.push(sample);
    }
  }
  return cases.map((c, i) => {
    const s = samples[i] ?? [];
    return {
      bundle: c.bundle.name,
      request: c.request,
      median: median(s.map((x) => x.wall)),
      min: Math.min(...s.map((x) => x.wall)),
      boot: median(s.map((x) => x.boot)),
      inProcess: median(s.map((x) => x.inProcess)),
    };
  });
}
