import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chartAssets } from '../../functions/src/charts.ts';
import { OUT } from './bundle.ts';
import { median } from './stats.ts';

/** Charts drawn after the first in each process (a report draws two to six). */
const WARM_CHARTS = 4;

/** Drawing one chart as the worker does, in a fresh process each round. */
export interface ChartBench {
  /** The renderer's bundle (Vega, Vega-Lite, resvg's glue) and the files beside it (WebAssembly, fonts). */
  readonly bundleBytes: number;
  readonly assetBytes: number;
  /** Importing the renderer module (what every worker cold start pays: nothing is loaded yet). */
  readonly importMs: number;
  /** The first chart: loading Vega, Vega-Lite and resvg, compiling the WebAssembly, reading the fonts, drawing. */
  readonly firstMs: number;
  /** A chart once all that is loaded: the mean of the next few (the WebAssembly and JIT warm up over the first ones). */
  readonly warmMs: number;
  readonly pngBytes: number;
  /** Memory in MB before the first chart and after the second (RSS, V8 heap used). */
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly heapBefore: number;
  readonly heapAfter: number;
}

/**
 * Bundles `functions/src/charts.ts` as the worker ships it (ESM, minified, its WebAssembly and fonts
 * copied beside it) and draws the report's ladder funnel in `runs` fresh processes.
 */
export async function measureChart(runs: number): Promise<ChartBench> {
  const dir = join(OUT, 'chart');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      "export { chartRenderer } from '../../functions/src/charts.ts';",
      "export { ladderChart } from '../../packages/core/src/report/charts/ladder.ts';",
      '',
    ].join('\n'),
  );
  const bundle = join(dir, 'index.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  });
  const require = createRequire(import.meta.url);
  let assetBytes = 0;
  for (const [name, from] of Object.entries(chartAssets)) {
    copyFileSync(require.resolve(from), join(dir, name));
    assetBytes += statSync(join(dir, name)).size;
  }
  const rows = JSON.stringify([
    { rung: 'Newcomer', count: 40 },
    { rung: 'Participant', count: 25 },
    { rung: 'Contributor', count: 9 },
    { rung: 'Leader', count: 4 },
  ]);
  const script = `
    const mb = (n) => n / 1048576;
    const WARM = ${WARM_CHARTS};
    const t0 = performance.now();
    const m = await import(${JSON.stringify(pathToFileURL(resolve(bundle)).href)});
    const t1 = performance.now();
    const before = process.memoryUsage();
    const renderer = m.chartRenderer();
    const spec = m.ladderChart(${rows}, 'en').spec;
    const png = await renderer.render(spec);
    const t2 = performance.now();
    for (let i = 0; i < WARM; i++) await renderer.render(spec);
    const t3 = performance.now();
    const after = process.memoryUsage();
    console.log(JSON.stringify([t1 - t0, t2 - t1, (t3 - t2) / WARM, png.length, mb(before.rss), mb(after.rss), mb(before.heapUsed), mb(after.heapUsed)]));`;
  const samples = Array.from(
    { length: runs },
    () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as number[],
  );
  const at = (i: number) => median(samples.map((s) => s[i] ?? Number.NaN));
  return {
    bundleBytes: statSync(bundle).size,
    assetBytes,
    importMs: at(0),
    firstMs: at(1),
    warmMs: at(2),
    pngBytes: at(3),
    rssBefore: at(4),
    rssAfter: at(5),
    heapBefore: at(6),
    heapAfter: at(7),
  };
}
