import type { CommunitySnapshot } from '../community/facts.ts';
import type { CommunityEvent } from '../events/model.ts';
import { rungNames } from '../expansion/handlers.ts';
import { knownMembers, rungOf } from '../expansion/ladder.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { Member } from '../members/model.ts';
import { computeProgress } from '../status/progress.ts';
import type { Chart } from './charts/frame.ts';
import { type LadderRow, ladderChart } from './charts/ladder.ts';
import { stageRows, stagesChart } from './charts/stages.ts';
import { type TurnoutRow, turnoutChart } from './charts/turnout.ts';

/** The report looks back this far for events. */
export const REPORT_DAYS = 30;

/** How many people stand on each rung of the ladder, derived as `ladder` derives it. */
export function ladderRows(snapshot: CommunitySnapshot, members: readonly Member[], locale: Locale): LadderRow[] {
  const { community } = snapshot;
  const byId = new Map(members.map((m) => [m.userId, m]));
  const rungs = knownMembers(community, members).map((userId) => rungOf(byId.get(userId), userId, community));
  return rungNames(community, locale).map((rung, i) => ({ rung, count: rungs.filter((r) => r === i).length }));
}

/** Events held in the last {@link REPORT_DAYS} days (started by now, not cancelled), oldest first: going against came. */
export function turnoutRows(events: readonly CommunityEvent[], nowSeconds: number): TurnoutRow[] {
  const from = nowSeconds - REPORT_DAYS * 86_400;
  return events
    .filter((e) => !e.cancelledAt && e.startsAt >= from && e.startsAt <= nowSeconds)
    .sort((a, b) => a.startsAt - b.startsAt)
    .map((e) => ({ event: e.title, going: e.going.length, attended: e.attended.length }));
}

/** Every chart of the report, from what the community did. Turnout is left out when no event was held. */
export function reportCharts(
  snapshot: CommunitySnapshot,
  members: readonly Member[],
  events: readonly CommunityEvent[],
  nowSeconds: number,
  locale: Locale,
): Chart[] {
  const turnout = turnoutRows(events, nowSeconds);
  return [
    stagesChart(stageRows(computeProgress(snapshot).stages, locale), locale),
    ladderChart(ladderRows(snapshot, members, locale), locale),
    ...(turnout.length > 0 ? [turnoutChart(turnout, locale)] : []),
  ];
}
