import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const sources = (root: string) =>
  readdirSync(join(repo, root), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => resolve(repo, root, f));
/** The code of a file without its comments (a comment may name a file without importing it). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** Import cycles among `files`, counting type imports too (each cycle as the files on it). */
function cycles(files: readonly string[]): string[][] {
  const known = new Set(files);
  const graph = new Map(
    files.map((file) => [
      file,
      [...code(file).matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+\.ts)'/g)]
        .map((m) => resolve(dirname(file), m[1] ?? ''))
        .filter((d) => known.has(d)),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => relative(repo, f)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found;
}

describe('the code’s structure', () => {
  it('has no import cycle in any package, type imports included', () => {
    for (const root of ['packages/core/src', 'packages/slack/src', 'packages/discord/src', 'packages/store-dynamodb/src', 'functions/src'])
      expect(cycles(sources(root)), root).toEqual([]);
  });

  it('keeps core by feature: a folder per feature and the kernel, no source file over 300 lines', () => {
    const core = join(repo, 'packages/core/src');
    const loose = readdirSync(core, { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.map((e) => e.name).sort()).toEqual(['features.ts', 'index.ts']);
    const long = sources('packages/core/src')
      .filter((f) => !f.endsWith('.test.ts'))
      .map((f) => [relative(repo, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });

  it('checks every catalog key: no cast turns the key check off', () => {
    const files = ['packages', 'functions/src', 'tests', 'scripts'].flatMap(sources);
    const casts = files.filter((f) => /\bas MessageKey\b/.test(code(f))).map((f) => relative(repo, f));
    expect(casts).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const files = sources('packages/core/src').filter((f) => f.endsWith('kernel/registry.ts') || f.endsWith('kernel/feature.ts'));
    expect(cycles(files)).toEqual([]);
    expect(cycles(sources('tests/fixtures/cycle'))).toHaveLength(1);
  });
});
