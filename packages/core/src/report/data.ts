import type { Campaign } from '../campaigns/model.ts';
import type { CommunitySnapshot } from '../community/facts.ts';
import type { CommunityEvent } from '../events/model.ts';
import { rungNames } from '../expansion/handlers.ts';
import { knownMembers, rungOf } from '../expansion/ladder.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { Member } from '../members/model.ts';
import type { OneOnOne } from '../oneonones/model.ts';
import type { StandupAnswer } from '../standup/model.ts';
import { computeProgress } from '../status/progress.ts';
import { campaignChart } from './charts/campaign.ts';
import type { Chart } from './charts/frame.ts';
import { type LadderRow, ladderChart } from './charts/ladder.ts';
import { type OneOnOneRow, oneOnOnesChart } from './charts/oneonones.ts';
import { stageRows, stagesChart } from './charts/stages.ts';
import { type StandupRow, standupsChart } from './charts/standups.ts';
import { type TurnoutRow, turnoutChart } from './charts/turnout.ts';

/** The report looks back this far for events. */
export const REPORT_DAYS = 30;
/** Months of one-on-ones and weeks of stand-ups the report shows, the current one last. */
export const REPORT_MONTHS = 6;
export const REPORT_WEEKS = 8;

/** An instant's calendar day (`YYYY-MM-DD`) in a timezone. */
export const localDay = (at: Date, zone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The Monday of a day's week. */
export const mondayOf = (day: string): string => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));

/** One-on-ones held in each of the last {@link REPORT_MONTHS} months up to `today`'s (by the day each happened). */
export function oneOnOneRows(oneOnOnes: readonly Pick<OneOnOne, 'date'>[], today: string): OneOnOneRow[] {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const months = Array.from({ length: REPORT_MONTHS }, (_, i) => {
    const at = new Date(Date.UTC(year, month - 1 - (REPORT_MONTHS - 1 - i), 1));
    return at.toISOString().slice(0, 7);
  });
  return months.map((m) => ({ month: m, count: oneOnOnes.filter((o) => o.date.startsWith(m)).length }));
}

/** How many different people answered a stand-up in each of the last {@link REPORT_WEEKS} weeks (Monday to Sunday, in the zone). */
export function standupRows(answers: readonly Pick<StandupAnswer, 'userId' | 'at'>[], today: string, zone: string): StandupRow[] {
  const thisWeek = mondayOf(today);
  const weeks = Array.from({ length: REPORT_WEEKS }, (_, i) => addDays(thisWeek, -7 * (REPORT_WEEKS - 1 - i)));
  const byWeek = new Map<string, Set<string>>();
  for (const a of answers) {
    const week = mondayOf(localDay(new Date(a.at), zone));
    byWeek.set(week, (byWeek.get(week) ?? new Set()).add(a.userId));
  }
  return weeks.map((week) => ({ week, people: byWeek.get(week)?.size ?? 0 }));
}

/** What the worker read for the report. */
export interface ReportRows {
  readonly snapshot: CommunitySnapshot;
  readonly members: readonly Member[];
  readonly events: readonly CommunityEvent[];
  readonly oneOnOnes: readonly Pick<OneOnOne, 'date'>[];
  readonly answers: readonly Pick<StandupAnswer, 'userId' | 'at'>[];
  /** The community's latest campaign, with its milestones, when it has one. */
  readonly campaign?: Pick<Campaign, 'name' | 'phases' | 'milestones'>;
}

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

/**
 * Every chart of the report, from what the community did. Turnout, one-on-ones and stand-ups are left out
 * when there was nothing to count in their period (the message says so for turnout); the campaign arc when
 * there is no campaign.
 */
export function reportCharts(rows: ReportRows, now: Date, zone: string, locale: Locale): Chart[] {
  const { snapshot } = rows;
  const today = localDay(now, zone);
  const turnout = turnoutRows(rows.events, Math.floor(now.getTime() / 1000));
  const oneOnOnes = oneOnOneRows(rows.oneOnOnes, today);
  const standups = standupRows(rows.answers, today, zone);
  return [
    stagesChart(stageRows(computeProgress(snapshot).stages, locale), locale),
    ladderChart(ladderRows(snapshot, rows.members, locale), locale),
    ...(turnout.length > 0 ? [turnoutChart(turnout, locale)] : []),
    ...(oneOnOnes.some((r) => r.count > 0) ? [oneOnOnesChart(oneOnOnes, snapshot.community.oneOnOneTarget, locale)] : []),
    ...(standups.some((r) => r.people > 0) ? [standupsChart(standups, locale)] : []),
    ...(rows.campaign && rows.campaign.phases.length > 0 ? [campaignChart({ ...rows.campaign, today }, locale)] : []),
  ];
}
