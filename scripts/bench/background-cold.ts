import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { OUT } from './bundle.ts';
import { median } from './stats.ts';

/** The worker or scheduler bundle one way: its entry's size and a fresh process's import of it (its top-level setup included). */
export interface BackgroundColdStart {
  readonly bundle: string;
  readonly entryBytes: number;
  readonly totalBytes: number;
  /** Median over fresh processes, interleaved with the other bundles: `import()` of the entry, config and dependencies built. */
  readonly importMs: number;
}

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0) : statSync(path).size;

/**
 * The worker and the scheduler as one file (NodejsFunction's own output) and as shipped (split by
 * `scripts/bundle-http.mjs`, the chart renderer a chunk of its own), each imported in `runs` fresh processes.
 */
export async function measureBackgroundColdStarts(runs: number, env: Record<string, string>): Promise<BackgroundColdStart[]> {
  const variants: { bundle: string; dir: string }[] = [];
  for (const entry of ['worker', 'scheduler']) {
    const single = join(OUT, `${entry}-single`);
    const shipped = join(OUT, `${entry}-shipped`);
    rmSync(single, { recursive: true, force: true });
    rmSync(shipped, { recursive: true, force: true });
    await build({
      entryPoints: { index: `functions/src/${entry}.ts` },
      outdir: single,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: true,
      logLevel: 'error',
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    });
    execFileSync(process.execPath, ['scripts/bundle-http.mjs', shipped, 'node20', entry], { stdio: 'inherit' });
    variants.push({ bundle: `${entry}, single file`, dir: single }, { bundle: `${entry}, shipped (split)`, dir: shipped });
  }
  const samples = variants.map(() => [] as number[]);
  for (let round = 0; round < runs; round++)
    variants.forEach((variant, i) => {
      const href = pathToFileURL(resolve(variant.dir, 'index.mjs')).href;
      const script = `const t0 = performance.now(); await import(${JSON.stringify(href)}); console.log(performance.now() - t0);`;
      samples[i]?.push(
        Number(
          execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } }),
        ),
      );
    });
  return variants.map((variant, i) => ({
    bundle: variant.bundle,
    entryBytes: statSync(join(variant.dir, 'index.mjs')).size,
    totalBytes: sizeOf(variant.dir),
    importMs: median(samples[i] ?? []),
  }));
}
