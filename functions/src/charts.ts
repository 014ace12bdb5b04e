import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartRenderer, ChartSpec } from '@organizer/core';

/** The fonts every chart is drawn with (Noto Sans has Latin and Cyrillic); Lambda has no system fonts. */
export const CHART_FONT = 'Noto Sans';

/** Files the renderer needs at run time, and where each comes from in node_modules. */
export const chartAssets = {
  'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
  'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  'NotoSans-Bold.ttf': '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;

/**
 * An asset beside the bundle (the worker's Lambda asset has them copied next to `index.mjs`, see
 * infra's WorkerFunction; this module runs from `chunks/` below it in the split bundle), else from
 * node_modules (local runs and tests).
 */
function readAsset(name: keyof typeof chartAssets): Uint8Array {
  const dir = dirname(fileURLToPath(import.meta.url));
  const beside = [join(dir, name), join(dir, '..', name)].find((path) => existsSync(path));
  return readFileSync(beside ?? createRequire(import.meta.url).resolve(chartAssets[name]));
}

interface Engine {
  toPng(spec: ChartSpec): Promise<Uint8Array>;
}

/** resvg's WebAssembly, compiled once per process: a second `initWasm` throws, whoever asks for it. */
let wasmReady: Promise<void> | undefined;

/** Loads Vega, Vega-Lite and resvg on first use. */
async function loadEngine(): Promise<Engine> {
  const [vega, vegaLite, resvg] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-wasm')]);
  wasmReady ??= resvg.initWasm(readAsset('resvg.wasm')).catch((error: unknown) => {
    wasmReady = undefined;
    throw error;
  });
  await wasmReady;
  const fontBuffers = [readAsset('NotoSans-Regular.ttf'), readAsset('NotoSans-Bold.ttf')];
  return {
    async toPng(spec) {
      // Vega-Lite's warnings (domain sort merges of layered charts) are about drawing choices, not failures.
      const { spec: compiled } = vegaLite.compile(spec as never, { logger: vega.logger(vega.Error) });
      const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
      try {
        const svg = await view.toSVG();
        const image = new resvg.Resvg(svg, {
          font: { fontBuffers, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT, loadSystemFonts: false },
          fitTo: { mode: 'original' },
          background: 'white',
        }).render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        view.finalize();
      }
    },
  };
}

/**
 * The chart renderer the worker uses. Nothing is loaded until the first chart is drawn, so building
 * the dependencies (every cold start, the http function's too) costs nothing.
 */
export function chartRenderer(): ChartRenderer {
  let engine: Promise<Engine> | undefined;
  return {
    render: async (spec) => {
      engine ??= loadEngine().catch((error: unknown) => {
        engine = undefined;
        throw error;
      });
      return (await engine).toPng(spec);
    },
  };
}
