import { describe, expect, it } from 'vitest';
import type { CoreDeps } from '../kernel/ports.ts';
import { attachChart } from './attach.ts';
import type { Chart } from './charts/frame.ts';

const chart: Chart = { name: 'standups', spec: { mark: 'bar' }, alt: 'People who answered a stand-up, by week: Nov 30 2.' };

/** Claims kept in a set, as the table keeps them; warnings collected. */
function fakeDeps(render: () => Promise<Uint8Array>) {
  const claims = new Set<string>();
  const warnings: string[] = [];
  const deps = {
    charts: { render },
    due: {
      claim: async (key: string) => !claims.has(key) && Boolean(claims.add(key)),
      release: async (key: string) => void claims.delete(key),
    },
    log: { warn: (message: string) => warnings.push(message) },
  } as unknown as CoreDeps;
  return { deps, claims, warnings };
}

describe('attachChart', () => {
  it('uploads the drawn PNG with the chart’s alt text once, however often it is asked', async () => {
    const { deps, claims } = fakeDeps(async () => new Uint8Array([137, 80, 78, 71]));
    const uploaded: unknown[] = [];
    const upload = async (file: unknown) => uploaded.push(file);
    expect(await attachChart(deps, 'k1', async () => chart, upload)).toBe(true);
    expect(await attachChart(deps, 'k1', async () => chart, upload)).toBe(false);
    expect(uploaded).toEqual([
      { name: 'standups.png', content: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png', alt: chart.alt },
    ]);
    expect([...claims]).toEqual(['k1']);
  });

  it('swallows a drawing that fails: nothing uploaded, the claim given back, a warning logged', async () => {
    const { deps, claims, warnings } = fakeDeps(async () => {
      throw new Error('wasm failed');
    });
    const uploaded: unknown[] = [];
    expect(
      await attachChart(
        deps,
        'k2',
        async () => chart,
        async (file) => uploaded.push(file),
      ),
    ).toBe(false);
    expect(uploaded).toEqual([]);
    expect(claims.size).toBe(0);
    expect(warnings).toEqual(['chart not attached']);
  });

  it('draws and uploads nothing when there is nothing to show or no renderer', async () => {
    const { deps } = fakeDeps(async () => new Uint8Array([1]));
    const uploaded: unknown[] = [];
    expect(
      await attachChart(
        deps,
        'k3',
        async () => undefined,
        async (file) => uploaded.push(file),
      ),
    ).toBe(false);
    expect(
      await attachChart(
        { ...deps, charts: undefined } as CoreDeps,
        'k4',
        async () => chart,
        async (f) => uploaded.push(f),
      ),
    ).toBe(false);
    expect(uploaded).toEqual([]);
  });
});
