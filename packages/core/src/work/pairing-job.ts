import type { Community } from '../community.ts';
import { peopleLocales } from '../features/context.ts';
import { type Locale, t } from '../i18n/translate.ts';
import type { DueJob } from '../jobs.ts';
import { isUndeliverable } from '../outbox.ts';
import { BY_DIRECT_MESSAGE, matchRound, type Pairing, type PairingRound, pairingLimits } from '../pairing.ts';
import type { CoreDeps } from '../ports.ts';
import { retryOnConflict } from '../rate.ts';
import type { Block } from '../reply.ts';
import { localDateOf, localMorning, minuteOf } from '../schedule.ts';
import { plainText } from '../standup-blocks.ts';
import { attemptDue, claimed } from './due-attempt.ts';

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

/** `<@A>, <@B> and <@C>`. */
const mentions = (locale: Locale, ids: readonly string[]) => {
  const all = ids.map((u) => `<@${u}>`);
  return all.length > 1 ? `${all.slice(0, -1).join(', ')}${t(locale, 'pair.and')}${all.at(-1)}` : (all[0] ?? '');
};

/**
 * Records where a group's messages go, on the newest version (a join may land meanwhile). Only the first
 * record counts: a second attempt that opened the same conversation (Slack's is the same) changes nothing.
 */
async function recordConversation(community: Community, number: number, index: number, where: string, deps: CoreDeps) {
  const { tenant } = community;
  const saved = await retryOnConflict(async () => {
    const pairing = await deps.pairing.get(tenant, community.id);
    const round = pairing.rounds.find((r) => r.number === number);
    if (!round || round.conversations?.[index] !== undefined) return 'saved';
    const conversations = { ...round.conversations, [index]: where };
    const rounds = pairing.rounds.map((r) => (r === round ? { ...r, conversations } : r));
    return deps.pairing.save(tenant, { ...pairing, rounds, version: pairing.version + 1 });
  });
  if (saved === 'conflict') throw new Error(`pairing round ${number}: conversation of group ${index} opened but not recorded`);
}

/**
 * The one conversation of a group (a Slack group DM, a Discord private thread in the home channel), opened
 * once and recorded on the round so its check-in goes there too. undefined: write to each of them instead,
 * because the platform has none or refused it for good (someone gone, a missing scope, threads forbidden),
 * which is logged. A failure worth retrying is thrown.
 */
async function conversationOf(community: Community, round: PairingRound, index: number, deps: CoreDeps): Promise<string | undefined> {
  const { tenant } = community;
  const known = round.conversations?.[index];
  if (known !== undefined) return known === BY_DIRECT_MESSAGE ? undefined : known;
  const group = round.groups[index] ?? [];
  if (!deps.messenger.openGroup || group.length < 2) return undefined;
  // Taken before the first try and never given back: a later try knows an earlier one may have opened it.
  const first = await deps.due.claim(`pairopen#${tenant.platform}#${tenant.id}#${community.id}#${round.number}.${index}`);
  const name = t(community.locale ?? deps.defaultLocale, 'pair.thread.name', { number: round.number, group: index + 1 });
  let where: string = BY_DIRECT_MESSAGE;
  try {
    const place = { channelId: community.homeChannelId, name, ...(first ? {} : { repeat: true }) };
    where = (await deps.messenger.openGroup(tenant, group, place)).channelId;
  } catch (error) {
    if (!isUndeliverable(error)) throw error;
    deps.log?.warn('pairing group conversation refused; its members are introduced by direct message instead', {
      tenant: tenant.id,
      community: community.id,
      round: round.number,
      group: index,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  await recordConversation(community, round.number, index, where, deps);
  return where === BY_DIRECT_MESSAGE ? undefined : where;
}

/**
 * Introduces each group of a recorded round in one conversation of its own (each group claimed once, given
 * back if it failed), or each person by direct message where that could not be opened, and plans the
 * check-in a week later: a retry of a round whose introductions failed sends only what did not go out.
 */
async function introduceRound(community: Community, round: PairingRound, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const zone = community.timezone ?? 'UTC';
  const locale = community.locale ?? deps.defaultLocale;
  const failures: unknown[] = [];
  const introduce = async (group: readonly string[], index: number) => {
    const where = await conversationOf(community, round, index, deps);
    if (where) {
      const blocks: Block[] = [
        { type: 'text', text: t(locale, 'pair.group.intro', { people: mentions(locale, group), community: community.name }) },
        { type: 'context', text: t(locale, 'pair.questions') },
      ];
      const key = `pair-intro#${community.id}#${round.number}.${index}`;
      await claimed(deps, `pair#${tenant.platform}#${tenant.id}#${community.id}#${round.number}.${index}`, () =>
        deps.messenger.postInChannel(tenant, where, { text: plainText(blocks), blocks, key }),
      );
      return;
    }
    // Each in their own language (their choice or their platform's, else the community's).
    const localeOf = await peopleLocales(deps, community, group);
    const sent = await Promise.allSettled(
      group.map((userId) => {
        const own = localeOf(userId);
        const others = mentions(
          own,
          group.filter((u) => u !== userId),
        );
        const blocks: Block[] = [
          { type: 'text', text: t(own, 'pair.intro', { others, community: community.name }) },
          { type: 'context', text: t(own, 'pair.questions') },
        ];
        return claimed(deps, `pair#${tenant.platform}#${tenant.id}#${community.id}#${round.number}#${userId}`, () =>
          deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks }),
        );
      }),
    );
    for (const result of sent) if (result.status === 'rejected') failures.push(result.reason);
  };
  // One group after another: each records its conversation on the one pairing item, which would race in parallel.
  for (const [index, group] of round.groups.entries()) await introduce(group, index).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} pairing introductions could not be delivered`);
  const checkIn = localMorning(localDateOf(new Date(Date.parse(`${round.date}T12:00:00Z`) + 7 * DAY), zone), zone, 9);
  await deps.due.put({ tenant, communityId: community.id, kind: 'pair', ref: `checkin#${round.number}`, minute: minuteOf(checkIn) });
}

/**
 * The next round of a recurring pairing, due every N weeks. Found late it still runs (a late introduction
 * is still worth it), and the next one is the first of the same rhythm after now, never one in the past.
 * A round already recorded for this occurrence (its introductions failed) is introduced again, not redone.
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
    const locale = community.locale ?? deps.defaultLocale;
    const localeOf = await peopleLocales(deps, community, round.groups.flat());
    const failures: unknown[] = [];
    const checkInBlocks = (own: Locale, text: string, index: number): Block[] => {
      const ref = `${tenant.id}:${community.id}:${number}.${index}`;
      return [
        { type: 'text', text },
        {
          type: 'actions',
          buttons: [
            { id: `pair:met:${ref}`, label: t(own, 'pair.met'), primary: true },
            { id: `pair:notyet:${ref}`, label: t(own, 'pair.notyet') },
            { id: `pair:skip:${ref}`, label: t(own, 'pair.skip') },
          ],
        },
      ];
    };
    await Promise.all(
      round.groups.flatMap((group, index) => {
        const where = round.conversations?.[index];
        // The same conversation as the introduction: one question for the group, one press logs it for them all.
        if (where && where !== BY_DIRECT_MESSAGE) {
          const blocks = checkInBlocks(locale, t(locale, 'pair.group.checkin', { people: mentions(locale, group) }), index);
          const key = `pair-checkin#${community.id}#${number}.${index}`;
          return [
            claimed(deps, `pair#${tenant.platform}#${tenant.id}#${community.id}#checkin.${number}.${index}`, () =>
              deps.messenger.postInChannel(tenant, where, { text: plainText(blocks), blocks, key }),
            ).catch((error: unknown) => failures.push(error)),
          ];
        }
        return group.map((userId) => {
          const own = localeOf(userId);
          const others = mentions(
            own,
            group.filter((u) => u !== userId),
          );
          const blocks = checkInBlocks(own, t(own, 'pair.checkin', { others }), index);
          return claimed(deps, `pair#${tenant.platform}#${tenant.id}#${community.id}#checkin.${number}#${userId}`, () =>
            deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks }),
          ).catch((error: unknown) => failures.push(error));
        });
      }),
    );
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} pairing check-ins could not be delivered`);
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
