import type { ChartSpec } from '../port.ts';

/** A chart ready to post: its Vega-Lite spec and the same numbers as one short text (alt text and message text). */
export interface Chart {
  readonly name: string;
  readonly spec: ChartSpec;
  readonly alt: string;
}

/** Readable on a phone: the whole picture is about 800×500 px, with large type. */
export const CHART_SIZE = { width: 800, height: 500 } as const;

export const CHART_COLORS = { main: '#2f6fb0', second: '#f0a030', muted: '#c9d3df' } as const;

/**
 * The frame every chart shares: the size (the plot fits inside it, axes and title included), white
 * background, the title and large fonts. `sans-serif` is the renderer's font with Cyrillic.
 */
export function frame(title: string, body: Readonly<Record<string, unknown>>): ChartSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...CHART_SIZE,
    autosize: { type: 'fit', contains: 'padding' },
    padding: 24,
    background: 'white',
    title: { text: title, fontSize: 30, anchor: 'start', offset: 16 },
    config: {
      font: 'sans-serif',
      view: { stroke: null },
      axis: { labelFontSize: 20, titleFontSize: 20, titlePadding: 12, labelLimit: 260 },
      legend: { labelFontSize: 20, titleFontSize: 20, orient: 'top', title: null, symbolSize: 300 },
    },
    ...body,
  };
}

/** The values a spec draws (its inline data), for tests and for anyone checking a chart against its rows. */
export const chartValues = (spec: ChartSpec): readonly Record<string, unknown>[] =>
  ((spec.data as { values?: Record<string, unknown>[] } | undefined)?.values ?? []) as readonly Record<string, unknown>[];
