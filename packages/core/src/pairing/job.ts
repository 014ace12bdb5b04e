import type { Community } from '../community/model.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { localDateOf, localMorning, minuteOf } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { handOverGroups } from './groups.ts';
import { matchRound, type Pairing, type PairingRound, pairingLimits } from './model.ts';

const DAY = 86_400_000;
/** A stable number from the community's id, so each community's rounds differ but repeat for a seed. */
const seedOf = (text: string, round: number) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, round * 7919);

/** Runs a pairing round: matches who is in and not snoozed, records it, introduces each group, plans the check-in. */
export async function runPairingRound(community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const pairing = await deps.pairing.get(tenant, community.id);
  const now = deps.now();
  const zone = community.timezone ?? 'UTC';
  const today = localDateOf(now, zone);
  const people = pairing.members.filter((u) => !(pairing.snoozed[u] && pairing.snoozed[u] >= today));
  const number = (pairing.rounds.at(-1)?.number ?? 0) + 1;
  const leaders = new Set([community.coordinatorId, ...community.roles.flatMap((r) => (r.leadId ? [r.leadId] : []))]);
  const newcomers = pairing.newcomersWithLeaders
    ? new Set(
        (await deps.members.members(tenant, community.id))
          .filter((m) => (m.acts?.oneOnOnes ?? 0) === 0 && !leaders.has(m.userId))
          .map((m) => m.userId),
      )
    : new Set<string>();
  const groups = matchRound(people, pairing.rounds.slice(-3), seedOf(community.id, number), { leaders, newcomers });
  if (groups.length === 0) return;
  const next: Pairing = {
    ...pairing,
    rounds: [...pairing.rounds, { number, date: today, groups }].slice(-pairingLimits.keepRounds),
    version: pairing.version + 1,
  };
  // The round is recorded first, under the version: a second tick (or a retry) finds it done and posts nothing new.
  if ((await deps.pairing.save(tenant, next)) === 'conflict') return;
  await introduceRound(community, { number, date: today, groups }, deps);
}

/**
 * Hands each group's introduction of a recorded round to the outbox (each group once, however often this
 * runs), and plans the check-in a week later. Each group is then delivered, retried and given up on by
 * itself: a group whose conversation fails does not hold up the others.
 */
async function introduceRound(community: Community, round: PairingRound, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const zone = community.timezone ?? 'UTC';
  await handOverGroups(community, round, 'pair.intro', deps);
  const checkIn = localMorning(localDateOf(new Date(Date.parse(`${round.date}T12:00:00Z`) + 7 * DAY), zone), zone, 9);
  await deps.due.put({ tenant, communityId: community.id, kind: 'pair', ref: `checkin#${round.number}`, minute: minuteOf(checkIn) });
}

/**
 * The next round of a recurring pairing, due every N weeks. Found late it still runs (a late introduction
 * is still worth it), and the next one is the first of the same rhythm after now, never one in the past.
 * A round already recorded for this occurrence (an attempt that failed after recording it) is handed over
 * again, not redone: groups already handed over are not handed twice.
 */
async function runRoundJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'pair' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ now, owner }) => {
    const pairing = await deps.pairing.get(tenant, community.id);
    if (!pairing.active) return undefined;
    owner(community.coordinatorId, community.name);
    const period = pairing.everyWeeks * 7 * DAY;
    const due = Date.parse(`${job.minute}:00Z`);
    const next = due + period * Math.max(1, Math.floor((now.getTime() - due) / period) + 1);
    const last = pairing.rounds.at(-1);
    if (last && last.date >= localDateOf(new Date(due), community.timezone ?? 'UTC')) await introduceRound(community, last, deps);
    else await runPairingRound(community, deps);
    return minuteOf(new Date(next));
  });
}

/** Due pairing work: the next round (then the one after, every N weeks), or a round's check-in a week later (late or not). */
export async function runPairingJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  if (job.ref === 'round') return runRoundJob(job, community, deps);
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'pair' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ owner }) => {
    const number = Number(job.ref.split('#')[1]);
    const round = (await deps.pairing.get(tenant, community.id)).rounds.find((r) => r.number === number);
    if (!round) return undefined;
    owner(community.coordinatorId, community.name);
    await handOverGroups(community, round, 'pair.checkin', deps);
    return undefined;
  });
}

/** "We met": a one-on-one logged for the group (by the one who clicked, with each of the others), everyone counted. */
export async function logPairingMeeting(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const [where = '', clicker = ''] = job.ref.split('#');
  const [number, index] = where.split('.').map(Number);
  const round = (await deps.pairing.get(community.tenant, community.id)).rounds.find((r) => r.number === number);
  const group = round?.groups[index ?? -1];
  if (!group) return;
  const now = deps.now();
  for (const partner of group.filter((u) => u !== clicker)) {
    await deps.oneOnOnes.create(community.tenant, {
      id: `${now.getTime().toString(36)}${deps.newId().slice(0, 4)}`,
      communityId: community.id,
      loggerId: clicker,
      partnerId: partner,
      date: localDateOf(now, community.timezone ?? 'UTC'),
      values: [],
      notes: '',
      mine: [],
      theirs: [],
      shared: false,
      createdAt: now.toISOString(),
    });
  }
  await deps.members.count(community.tenant, community.id, group, 'oneOnOnes');
}
