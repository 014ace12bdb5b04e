import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

export const OUT = '.bench';

/** The same esbuild options the CDK stack uses, but for Node 20 and with the AWS SDK inside (Lambda provides it). */
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
  readonly httpBytes: number;
  readonly bareBytes: number;
}

/** Builds the `http` function and a bare Hono function with one route, for size and cold start. */
export async function buildBundles(): Promise<Bundles> {
  mkdirSync(OUT, { recursive: true });
  const bareEntry = `${OUT}/bare-entry.ts`;
  writeFileSync(
    bareEntry,
    "import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nconst app = new Hono();\napp.get('/healthz', (c) => c.json({ ok: true }));\nexport const handler = handle(app);\n",
  );
  const http = `${OUT}/http.mjs`;
  const bare = `${OUT}/bare.mjs`;
  await build({ ...options, entryPoints: ['functions/src/http.ts'], outfile: http });
  await build({ ...options, entryPoints: [bareEntry], outfile: bare });
  return { http, bare, httpBytes: statSync(http).size, bareBytes: statSync(bare).size };
}
