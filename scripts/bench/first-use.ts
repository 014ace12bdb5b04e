import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { OUT } from './bundle.ts';
import { median } from './stats.ts';

/** What a request pays the first time it needs a lazily loaded part: its size and a fresh process's import and first call. */
export interface FirstUse {
  readonly part: string;
  readonly bytes: number;
  /** Median over fresh processes: importing the part. */
  readonly importMs: number;
  /** Median over fresh processes: its first call after the import. */
  readonly firstCallMs: number;
}

/**
 * The date reader (chrono's English and Russian parsers with luxon, imported by commands that read a date)
 * and the plural rules (`Intl.PluralRules`, built on a message's first count), each measured the way a
 * cold Lambda meets them: a fresh node imports the part and makes one call.
 */
export async function measureFirstUse(runs: number): Promise<FirstUse[]> {
  const dir = join(OUT, 'first-use');
  mkdirSync(dir, { recursive: true });
  const dates = join(dir, 'due.mjs');
  await build({
    entryPoints: ['packages/core/src/kernel/due-date.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: dates,
    logLevel: 'silent',
  });
  const plurals = join(dir, 'plurals.mjs');
  writeFileSync(plurals, 'export const select = (n) => new Intl.PluralRules("ru").select(n);\n');
  const probe = (file: string, call: string) => {
    const script = `const t0 = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(resolve(file)).href)}); const t1 = performance.now(); ${call}; const t2 = performance.now(); console.log(JSON.stringify([t1 - t0, t2 - t1]));`;
    const samples = Array.from(
      { length: runs },
      () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as [number, number],
    );
    return { importMs: median(samples.map((s) => s[0])), firstCallMs: median(samples.map((s) => s[1])) };
  };
  return [
    {
      part: 'date reader (chrono en+ru, luxon)',
      bytes: statSync(dates).size,
      ...probe(dates, "m.readDue('в следующий вторник 17:00', 'Europe/Moscow', new Date(), 'ru')"),
    },
    { part: 'plural rules (Intl.PluralRules)', bytes: statSync(plurals).size, ...probe(plurals, 'm.select(5)') },
  ];
}
