import { type Community, communityZone } from '../community/model.ts';
import type { CoreDeps, OutboundFile } from '../kernel/ports.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import type { Chart } from './charts/frame.ts';
import { localDay, REPORT_WEEKS } from './data.ts';

/** Stand-up answers read at most for a chart (eight weeks of a large community's daily stand-ups). */
export const CHART_ANSWERS_READ = 5000;

/** The first day (in the community's zone) of the stand-up answers a participation chart counts: a week more than shown, so the first week is whole. */
export const chartAnswersSince = (community: Community, now: Date): string =>
  localDay(new Date(now.getTime() - (REPORT_WEEKS + 1) * 7 * 86_400_000), communityZone(community));

/**
 * Reads what a chart shows (`draw`: undefined when there is nothing to show), draws it and uploads it, after the message it belongs to was posted: claimed under `key`, so a
 * repeat of the job uploads nothing twice. Drawing or uploading may fail (no renderer, the platform
 * refusing files): the message already went out as text, so the failure is logged, the claim given back
 * and nothing thrown, and the job that posted the text is never retried for the picture alone.
 * Returns whether the picture landed.
 */
export async function attachChart(
  deps: CoreDeps,
  key: string,
  draw: () => Promise<Chart | undefined>,
  upload: (file: OutboundFile, chart: Chart) => Promise<unknown>,
): Promise<boolean> {
  const { charts } = deps;
  if (!charts) return false;
  let landed = false;
  // Read and drawn only once the claim is ours: a repeat of the job reads and renders nothing.
  await claimed(deps, key, async () => {
    const chart = await draw();
    if (!chart) return;
    const content = await charts.render(chart.spec);
    await upload({ name: `${chart.name}.png`, content, contentType: 'image/png', alt: chart.alt }, chart);
    landed = true;
  }).catch((error: unknown) => {
    deps.log?.warn('chart not attached', { key, error: error instanceof Error ? error.message : String(error) });
  });
  return landed;
}
