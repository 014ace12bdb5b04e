import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';

export const OUT = '.bench';

/**
 * NodejsFunction's own esbuild options for the `http` function (ESM, minified, createRequire banner).
 * Target node20 because that is what runs here; everything, the AWS SDK included, is bundled, so a
 * local cold start pays for what Lambda loads.
 */
const options = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'error',
  // ESM bundles of CommonJS dependencies need a real `require` (else "Dynamic require of node:https").
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} satisfies BuildOptions;

const HTTP_ENTRY = 'functions/src/http.ts';

export interface Bundle {
  readonly name: string;
  /** How it was built, in a few words for the table. */
  readonly how: string;
  /** What the cold-start runner imports. */
  readonly entry: string;
  /** The entry file alone: what every cold start parses before a platform's chunk is imported. */
  readonly entryBytes: number;
  /** Every file of the bundle together. */
  readonly totalBytes: number;
  /** What the CDK stack deploys: the budgets hold for this one; the others are for comparison. */
  readonly deployed: boolean;
}

export interface Bundles {
  readonly bare: Bundle;
  /** The `http` function three ways, so the figures show whether code splitting pays and what ships. */
  readonly http: readonly Bundle[];
}

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0) : statSync(path).size;

const bundle = (name: string, how: string, dir: string, entry: string, deployed = false): Bundle => ({
  name,
  how,
  entry,
  entryBytes: statSync(entry).size,
  totalBytes: sizeOf(dir),
  deployed,
});

/** Builds the bare Hono function and the `http` function (single file, split, and as shipped). */
export async function buildBundles(): Promise<Bundles> {
  mkdirSync(OUT, { recursive: true });
  // A fresh directory per variant: split chunk names carry content hashes, so stale ones would pile up.
  for (const dir of ['bare', 'http-single', 'http-split', 'http-shipped']) rmSync(join(OUT, dir), { recursive: true, force: true });

  const bareEntry = join(OUT, 'bare-entry.ts');
  writeFileSync(
    bareEntry,
    "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\napp.get('/healthz', (c) => c.json({ ok: true }));\nexport const handler = handle(app);\n",
  );
  await build({ ...options, entryPoints: [bareEntry], outfile: join(OUT, 'bare/index.mjs') });

  // One file: the platforms' dynamic imports are inlined and initialised lazily, but still read and parsed.
  await build({ ...options, entryPoints: [HTTP_ENTRY], outfile: join(OUT, 'http-single/index.mjs') });

  // The same options plus splitting: each dynamically imported adapter becomes a chunk read on first use.
  await build({
    ...options,
    entryPoints: { index: HTTP_ENTRY },
    outdir: join(OUT, 'http-split'),
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
  });

  // The very script the CDK stack runs after NodejsFunction's pass: split, and Bolt's unused
  // HTTP/Socket Mode receivers stubbed out. Its figures are those of what is deployed.
  execFileSync(process.execPath, ['scripts/bundle-http.mjs', join(OUT, 'http-shipped'), 'node20'], { stdio: 'inherit' });

  return {
    bare: bundle('bare Hono', 'one route, same esbuild options', join(OUT, 'bare'), join(OUT, 'bare/index.mjs')),
    http: [
      bundle('http, single file', "the CDK's esbuild options, one outfile", join(OUT, 'http-single'), join(OUT, 'http-single/index.mjs')),
      bundle('http, split', 'the same with splitting: true', join(OUT, 'http-split'), join(OUT, 'http-split/index.mjs')),
      bundle(
        'http, shipped',
        'scripts/bundle-http.mjs (split, Bolt receivers stubbed): deployed',
        join(OUT, 'http-shipped'),
        join(OUT, 'http-shipped/index.mjs'),
        true,
      ),
    ],
  };
}
