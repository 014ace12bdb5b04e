import { type Community, communityZone } from '../community/model.ts';
import { plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { attachChart, CHART_ANSWERS_READ, chartAnswersSince } from '../report/attach.ts';
import { standupsChart } from '../report/charts/standups.ts';
import { localDay, standupRows } from '../report/data.ts';
import type { StandupRun } from './model.ts';

/** The claim of one run's participation chart: a repeat of the summary job uploads it once. */
export const summaryChartKey = (community: Community, run: Pick<StandupRun, 'id'>) =>
  `standup-chart#${community.tenant.platform}#${community.tenant.id}#${community.id}#${run.id}`;

/**
 * After the summary went out as text: the community's stand-up participation per week (the report's chart),
 * uploaded where the summary landed (on Discord its thread; on Slack the stand-up's channel, where files
 * cannot join a thread through our upload flow), its numbers as the alt text and the caption. Nothing when
 * no one answered in those weeks; a failure leaves the text summary as it is.
 */
export async function attachSummaryChart(community: Community, run: StandupRun, channelId: string, deps: CoreDeps): Promise<boolean> {
  const { tenant } = community;
  const postFiles = deps.messenger.postFiles?.bind(deps.messenger);
  if (!postFiles) return false;
  const key = summaryChartKey(community, run);
  return attachChart(
    deps,
    key,
    async () => {
      const now = deps.now();
      const zone = communityZone(community);
      const answers = await deps.standups.answersBetween(
        tenant,
        community.id,
        chartAnswersSince(community, now),
        '9999-99-99',
        CHART_ANSWERS_READ,
      );
      const rows = standupRows(answers, localDay(now, zone), zone);
      return rows.some((r) => r.people > 0) ? standupsChart(rows, community.locale ?? deps.defaultLocale) : undefined;
    },
    (file, chart) => postFiles(tenant, channelId, { ...plainMessage(chart.alt), key }, [file]),
  );
}
