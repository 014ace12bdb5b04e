/** The q-th percentile (0..100) of samples, nearest-rank. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((q / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
