import type { ChartRenderer } from '@organizer/core';

/**
 * The worker's chart renderer, imported on the first chart drawn: `charts.ts` (and with it Vega,
 * Vega-Lite and resvg) is a chunk of its own in the split bundles, so a cold start that draws nothing
 * never reads or parses it.
 */
export function lazyChartRenderer(): ChartRenderer {
  let renderer: Promise<ChartRenderer> | undefined;
  return {
    render: async (spec) => {
      renderer ??= import('./charts.ts').then(
        (m) => m.chartRenderer(),
        (error: unknown) => {
          // A failed load (a missing chunk) is tried again by the next chart, not remembered.
          renderer = undefined;
          throw error;
        },
      );
      return (await renderer).render(spec);
    },
  };
}
