import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

export const OUT = '.bench';

/** The bare function gets the same esbuild options as the http one (ESM, minified, Node 20 here). */
const options = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'error',
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const;

export interface Bundles {
  readonly http: string;
  readonly bare: string;
  /** The entry chunk: what every cold start loads before a platform's adapter. */
  readonly httpEntryBytes: number;
  /** All chunks together. */
  readonly httpBytes: number;
  readonly bareBytes: number;
}

const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );

/** Builds the `http` function and a bare Hono function with one route, for size and cold start. */
export async function buildBundles(): Promise<Bundles> {
  mkdirSync(OUT, { recursive: true });
  const bareEntry = `${OUT}/bare-entry.ts`;
  writeFileSync(
    bareEntry,
    "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\napp.get('/healthz', (c) => c.json({ ok: true }));\nexport const handler = handle(app);\n",
  );
  // The very script the CDK stack bundles with, so the figures are those of what ships.
  execFileSync(process.execPath, ['scripts/bundle-http.mjs', `${OUT}/http`, 'node20'], { stdio: 'inherit' });
  const http = `${OUT}/http/index.mjs`;
  const bare = `${OUT}/bare.mjs`;
  await build({ ...options, entryPoints: [bareEntry], outfile: bare });
  return { http, bare, httpEntryBytes: statSync(http).size, httpBytes: sizeOf(`${OUT}/http`), bareBytes: statSync(bare).size };
}
