/**
 * A Vega-Lite specification as plain JSON data. Core builds them from its rows (pure functions in
 * `report/charts/`); only the renderer behind {@link ChartRenderer} knows Vega.
 */
export type ChartSpec = Readonly<Record<string, unknown>>;

/**
 * Draws a chart as a PNG (Vega-Lite → Vega → SVG → PNG, with a font that has Cyrillic). Implemented in
 * `functions/src/charts.ts` and loaded only by the worker's report job: never on a request path.
 */
export interface ChartRenderer {
  render(spec: ChartSpec): Promise<Uint8Array>;
}
