// Bundles a Lambda with code splitting: each platform's adapter (Bolt alone is ~1.6 MB) becomes a chunk
// loaded on that platform's first request, so a Discord cold start never parses Bolt; in the worker and
// the scheduler, the chart renderer (Vega, Vega-Lite, resvg: ~1 MB) is a chunk only a drawing job loads.
// Used by the CDK stack (after NodejsFunction's own bundling) and by `npm run bench`, so both measure what ships.
// Usage: node scripts/bundle-http.mjs <outdir> [target] [entry: http | worker | scheduler]
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [outdir, target = 'node22', entry = 'http'] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: node scripts/bundle-http.mjs <outdir> [target] [entry]');
  process.exit(2);
}
// Bolt's App module requires its HTTP and Socket Mode receivers (with Express, OAuth and WebSocket
// clients) at load time. We hand Bolt our own receiver, so those are replaced by a stub that fails loudly.
const unusedBoltReceivers = {
  name: 'unused-bolt-receivers',
  setup(b) {
    b.onResolve({ filter: /^\.\/receivers\/(HTTPReceiver|SocketModeReceiver)$/ }, (args) =>
      /[\\/]@slack[\\/]bolt[\\/]/.test(args.importer) ? { path: args.path, namespace: 'unused-bolt-receiver' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'unused-bolt-receiver' }, (args) => ({
      contents: `module.exports = { default: class { constructor() { throw new Error('${args.path} is not bundled: pass a receiver'); } } };`,
      loader: 'js',
    }));
  },
};

// Start clean: chunk names carry content hashes, so stale ones would otherwise pile up.
rmSync(join(outdir, 'index.mjs'), { force: true });
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: `functions/src/${entry}.ts` },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target,
  minify: true,
  legalComments: 'none',
  plugins: [unusedBoltReceivers],
  // The AWS SDK is bundled on purpose (no `external`): minified chunks of only the clients we use load
  // faster than the runtime's unbundled SDK, pin the SDK version we test with, and match what the bench measures.
  logLevel: 'warning',
  // ESM bundles of CommonJS dependencies need a real `require` (else "Dynamic require of node:https").
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
});
