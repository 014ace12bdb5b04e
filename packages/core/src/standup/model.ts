import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Member } from '../members/model.ts';
import { roleId } from '../roles/model.ts';

/** Who is asked: members who opted in with `standup join`, or everyone holding a role. */
export type Participants = 'optin' | 'roles';
/** One prompt in the channel, or a direct message to each participant at their own local time. */
export type Delivery = 'channel' | 'dm';

/** A recurring stand-up of a community (`…#STANDUP#<id>`); several per community. */
export interface StandupSchedule {
  readonly id: string;
  readonly communityId: string;
  readonly name: string;
  /** Where the prompt (or, for direct messages, the thread of answers) is posted. */
  readonly channelId: string;
  /** ISO weekdays, 1 = Monday. */
  readonly days: readonly number[];
  /** Local time `HH:MM` in `zone`. */
  readonly time: string;
  readonly zone: string;
  readonly questions: readonly string[];
  readonly participants: Participants;
  readonly delivery: Delivery;
  /** Minutes after the prompt when the summary is posted. */
  readonly windowMinutes: number;
  /** Members who opted in. */
  readonly members: readonly string[];
  /** false: no reminder an hour before the summary to those who have not answered (on unless turned off). */
  readonly nudge?: boolean;
  readonly createdBy: string;
  readonly updatedAt: string;
}

/** One day's stand-up: claimed once, so a repeated tick never posts it twice. */
export interface StandupRun {
  /** `<local date>.<schedule id>`: sorts by date, so a report is one range read. */
  readonly id: string;
  readonly scheduleId: string;
  readonly communityId: string;
  readonly date: string;
  /** Copied from the stand-up, so answering reads the run alone (and an edited stand-up keeps old runs whole). */
  readonly name: string;
  readonly questions: readonly string[];
  readonly locale: Locale;
  readonly channelId: string;
  /** The prompt (or thread header) message; answers go to its thread. */
  readonly messageId?: string;
  readonly participants: readonly string[];
  readonly skipped: readonly string[];
  readonly postedAt: string;
}

/** Someone's answers to one run, and where they were posted (so Edit updates that message). */
export interface StandupAnswer {
  readonly runId: string;
  /** The run's stand-up name and questions, so a report reads answers alone. */
  readonly name: string;
  readonly questions: readonly string[];
  readonly communityId: string;
  readonly userId: string;
  readonly answers: readonly string[];
  readonly channelId?: string;
  readonly messageId?: string;
  readonly at: string;
}

export const standupLimits = { questions: 5, question: 150, answer: 1000, name: 40, windowMinutes: 24 * 60 } as const;

export const runId = (date: string, scheduleId: string) => `${date}.${scheduleId}`;
export const runDate = (id: string) => id.slice(0, 10);

/** A short id for a stand-up's name (kept short: it travels in button ids). */
export const standupId = (name: string) => roleId(name).slice(0, 24) || 'standup';

/** The method's three questions, in the community's language. */
export function defaultQuestions(locale: Locale): string[] {
  return [t(locale, 'standup.q.did'), t(locale, 'standup.q.next'), t(locale, 'standup.q.help')];
}

/** Who a run asks: opted-in members, or the leads and members of every role. */
export function participantsOf(schedule: StandupSchedule, community: Community): string[] {
  if (schedule.participants === 'optin') return [...new Set(schedule.members)];
  const holders = community.roles.flatMap((role) => [...(role.leadId ? [role.leadId] : []), ...role.memberIds]);
  return [...new Set([community.coordinatorId, ...holders])];
}

/** The zone each participant is prompted in (direct messages follow each person's own zone). */
export function participantZone(schedule: StandupSchedule, member: Member | undefined): string {
  return schedule.delivery === 'dm' ? (member?.timezone ?? schedule.zone) : schedule.zone;
}
