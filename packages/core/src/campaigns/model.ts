import { roleId } from '../roles/model.ts';

/** The campaign arc of the method: foundation, kickoff, building peaks, the final peak, resolution. */
export const phaseIds = ['foundation', 'kickoff', 'building', 'peak', 'resolution'] as const;
export type PhaseId = (typeof phaseIds)[number];

/** A phase and its days (inclusive, local calendar dates). */
export interface Phase {
  readonly id: PhaseId;
  readonly start: string;
  readonly end: string;
}

/** A milestone: what will be true by a day. */
export interface Milestone {
  readonly text: string;
  readonly date: string;
}

/** The community adopting something a stage put forward (a campaign's plan, a strategy version) by a decision. */
export interface Adoption {
  readonly decisionId: string;
  /** The decision's title, as the status and the campaign show it. */
  readonly title: string;
  /** ISO instant the decision closed. */
  readonly at: string;
}

/** A campaign (`…#CAMPAIGN#<id>`): a goal tied to the strategy, an end date, and its arc. */
export interface Campaign {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  readonly goal: string;
  readonly endDate: string;
  readonly phases: readonly Phase[];
  /** Milestones on the way, by date; each falls in a phase. */
  readonly milestones: readonly Milestone[];
  /** Set when the community adopted the plan by a proposal put forward from the campaign. */
  readonly adopted?: Adoption;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const campaignLimits = { name: 80, goal: 500, minDays: 5 } as const;

/** Share of the campaign's days each phase takes, planned backwards from the end. */
const shares: Record<PhaseId, number> = { foundation: 0.3, kickoff: 0.1, building: 0.35, peak: 0.15, resolution: 0.1 };

const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Calendar arithmetic on YYYY-MM-DD (no timezone: these are days, not instants). */
export const addDays = (date: string, days: number) => fromDay(toDay(date) + days * DAY);
export const daysBetween = (from: string, to: string) => Math.round((toDay(to) - toDay(from)) / DAY);

export const campaignId = (name: string) => roleId(name).slice(0, 24) || 'campaign';

/**
 * The arc planned backwards from `end`: resolution ends on the end date, the final peak before it,
 * then the building peaks, the kickoff, and the foundation from `start`. Every phase gets a day at least.
 * undefined when the campaign is shorter than `campaignLimits.minDays`.
 */
export function planArc(start: string, end: string): Phase[] | undefined {
  const total = daysBetween(start, end) + 1;
  if (total < campaignLimits.minDays) return undefined;
  const phases: Phase[] = [];
  let last = end;
  let left = total;
  for (const id of [...phaseIds].reverse()) {
    const remaining = phaseIds.indexOf(id);
    const days = id === 'foundation' ? left : Math.max(1, Math.min(Math.round(total * shares[id]), left - remaining));
    const first = addDays(last, -(days - 1));
    phases.unshift({ id, start: first, end: last });
    last = addDays(first, -1);
    left -= days;
  }
  return phases;
}

/**
 * Phases with new start dates: each phase runs to the day before the next one starts, the last to the
 * end date. undefined unless the starts are in order, one day apart at least, and before the end.
 */
export function withStarts(campaign: Pick<Campaign, 'endDate'>, starts: readonly string[]): Phase[] | undefined {
  if (starts.length !== phaseIds.length) return undefined;
  for (let i = 1; i < starts.length; i++) if ((starts[i] ?? '') <= (starts[i - 1] ?? '')) return undefined;
  if ((starts.at(-1) ?? '') > campaign.endDate) return undefined;
  return phaseIds.map((id, i) => ({
    id,
    start: starts[i] as string,
    end: i + 1 < starts.length ? addDays(starts[i + 1] as string, -1) : campaign.endDate,
  }));
}

/** The phase a day falls in; 'before' or 'after' outside the campaign. */
export function phaseOn(campaign: Pick<Campaign, 'phases'>, date: string): PhaseId | 'before' | 'after' {
  const found = campaign.phases.find((p) => p.start <= date && date <= p.end);
  if (found) return found.id;
  return date < (campaign.phases[0]?.start ?? '') ? 'before' : 'after';
}
