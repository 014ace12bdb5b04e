/** The q-th percentile (0..100) of samples, nearest-rank: always a value that was really measured. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const times = (ratio: number) => `${ratio.toFixed(2)}×`;
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL ✗');

/**
 * Aligned columns, two spaces apart. A column holding figures is right-aligned (header included),
 * so magnitudes read at a glance down the column; text columns are left-aligned.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.some((r) => /^[\d.]/.test(r[i] ?? '')));
  const line = (r: readonly string[]) =>
    widths
      .map((w, i) => (numeric[i] ? (r[i] ?? '').padStart(w) : (r[i] ?? '').padEnd(w)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}
