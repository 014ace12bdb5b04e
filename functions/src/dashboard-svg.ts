import type { ChartSpec } from '@organizer/core';

/**
 * Draws Vega-Lite specs as SVG text (the browser draws the vectors; no PNG, no WebAssembly). Loaded only
 * by the dashboard route, through a dynamic `import()`, so no other request parses Vega's megabyte.
 * A chart that fails is undefined: the page shows its numbers instead.
 */
export async function chartSvgs(specs: readonly ChartSpec[]): Promise<(string | undefined)[]> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const draw = async (spec: ChartSpec): Promise<string> => {
    // Vega-Lite's warnings (domain sort merges of layered charts) are about drawing choices, not failures.
    const { spec: compiled } = vegaLite.compile(spec as never, { logger: vega.logger(vega.Error) });
    const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  return Promise.all(specs.map((spec) => draw(spec).catch(() => undefined)));
}
