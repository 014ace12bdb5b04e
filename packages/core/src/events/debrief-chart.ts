import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { attachChart } from '../report/attach.ts';
import { turnoutChart } from '../report/charts/turnout.ts';
import { turnoutRows } from '../report/data.ts';
import type { CommunityEvent } from './model.ts';

/** The claim of one event's turnout chart: a repeat of the debrief job sends it once. */
export const debriefChartKey = (community: Community, event: Pick<CommunityEvent, 'id'>) =>
  `debrief-chart#${community.tenant.platform}#${community.tenant.id}#${community.id}#${event.id}`;

/**
 * After the debrief prompt went to the organizer: the turnout of the community's recent events (the
 * report's chart: going against came, this one included), as a file in the same direct messages, its
 * numbers as the alt text and the caption, in the organizer's language. A failure leaves the prompt as it is.
 */
export async function attachTurnoutChart(community: Community, event: CommunityEvent, locale: Locale, deps: CoreDeps): Promise<boolean> {
  const { tenant } = community;
  return attachChart(
    deps,
    debriefChartKey(community, event),
    async () => {
      const rows = turnoutRows(await deps.events.list(tenant, community.id), Math.floor(deps.now().getTime() / 1000));
      return rows.length > 0 ? turnoutChart(rows, locale) : undefined;
    },
    (file, chart) => deps.messenger.sendFiles(tenant, event.createdBy, plainMessage(chart.alt), [file]),
  );
}
