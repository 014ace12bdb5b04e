import type { Community } from '../community/model.ts';
import { peopleLocales } from '../kernel/context.ts';
import { type Locale, t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { isUndeliverable } from '../kernel/outbox.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { retryOnConflict } from '../kernel/rate.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { minuteOf } from '../kernel/schedule.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { pairCheckInId } from './ids.ts';
import { BY_DIRECT_MESSAGE, type PairingRound } from './model.ts';

/** A group's delivery handed to the outbox: its introduction, or its check-in a week later. */
export type GroupDelivery = 'pair.intro' | 'pair.checkin';

/**
 * Hands one delivery per group of a round to the outbox, each group claimed once (a tick run twice, or a
 * retry of the round, hands nothing twice); the claims are given back if the outbox did not take them.
 */
export async function handOverGroups(community: Community, round: PairingRound, kind: GroupDelivery, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const claim = (index: number) => `${kind}#${tenant.platform}#${tenant.id}#${community.id}#${round.number}.${index}`;
  const fresh: number[] = [];
  for (const index of round.groups.keys()) if (await deps.due.claim(claim(index))) fresh.push(index);
  const minute = minuteOf(deps.now());
  try {
    await deps.deferred.run(fresh.map((index) => ({ kind, tenant, communityId: community.id, ref: `${round.number}.${index}`, minute })));
  } catch (error) {
    await Promise.all(fresh.map((index) => deps.due.release(claim(index))));
    throw error;
  }
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

/** The group a delivery names (`<round>.<index>`), as recorded now. */
async function groupOf(job: DueJob, community: Community, deps: CoreDeps) {
  const [number = 0, index = -1] = job.ref.split('.').map(Number);
  const round = (await deps.pairing.get(community.tenant, community.id)).rounds.find((r) => r.number === number);
  const group = round?.groups[index];
  return round && group ? { round, index, group } : undefined;
}

/** What one delivery to a group says: in the group's conversation, or to one of them by direct message. */
interface GroupMessage {
  /** `pair-intro`, `pair-checkin`: the messages' keys start with it. */
  readonly key: string;
  /** Where its claims differ between deliveries of the same round: '' (introduction), `checkin.` (check-in). */
  readonly claim: string;
  readonly inGroup: (locale: Locale, people: string) => Block[];
  readonly toEach: (locale: Locale, others: string) => Block[];
}

/**
 * Delivers one message to a group of a round: in its own conversation, or to each of them by direct message
 * (each in their own language: their choice or their platform's, else the community's) where there is none.
 * Each message is claimed once and given back if it failed, so the outbox's retry sends only what did not go out.
 */
async function deliverToGroup(
  community: Community,
  found: { round: PairingRound; index: number; group: readonly string[] },
  where: string | undefined,
  say: GroupMessage,
  deps: CoreDeps,
): Promise<void> {
  const { round, index, group } = found;
  const { tenant } = community;
  const claimOf = (part: string) => `pair#${tenant.platform}#${tenant.id}#${community.id}#${say.claim}${round.number}${part}`;
  if (where) {
    const locale = community.locale ?? deps.defaultLocale;
    const blocks = say.inGroup(locale, mentions(locale, group));
    const key = `${say.key}#${community.id}#${round.number}.${index}`;
    await claimed(deps, claimOf(`.${index}`), () => deps.messenger.postInChannel(tenant, where, { text: plainText(blocks), blocks, key }));
    return;
  }
  const localeOf = await peopleLocales(deps, community, group);
  await eachOf(group, (userId) => {
    const own = localeOf(userId);
    const blocks = say.toEach(
      own,
      mentions(
        own,
        group.filter((u) => u !== userId),
      ),
    );
    const key = `${say.key}#${community.id}#${round.number}#${userId}`;
    return claimed(deps, claimOf(`#${userId}`), () =>
      deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks, key }),
    );
  });
}

/** One group's introduction, delivered from the outbox: in its own conversation (opened once and recorded), or to each of them. */
export async function runPairIntroJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const found = await groupOf(job, community, deps);
  if (!found) return;
  const where = await conversationOf(community, found.round, found.index, deps);
  await deliverToGroup(
    community,
    found,
    where,
    {
      key: 'pair-intro',
      claim: '',
      inGroup: (locale, people) => [
        { type: 'text', text: t(locale, 'pair.group.intro', { people, community: community.name }) },
        { type: 'context', text: t(locale, 'pair.questions') },
      ],
      toEach: (locale, others) => [
        { type: 'text', text: t(locale, 'pair.intro', { others, community: community.name }) },
        { type: 'context', text: t(locale, 'pair.questions') },
      ],
    },
    deps,
  );
}

/** A check-in's question and buttons; any of the group may answer, once for them all. */
function checkInBlocks(community: Community, locale: Locale, text: string, number: number, index: number): Block[] {
  const id = (answer: 'met' | 'notyet' | 'skip') => pairCheckInId(answer, community.tenant.id, community.id, number, index);
  return [
    { type: 'text', text },
    {
      type: 'actions',
      buttons: [
        { id: id('met'), label: t(locale, 'pair.met'), primary: true },
        { id: id('notyet'), label: t(locale, 'pair.notyet') },
        { id: id('skip'), label: t(locale, 'pair.skip') },
      ],
    },
  ];
}

/** One group's check-in a week after its round, where its introduction went: its conversation, or each of them. */
export async function runPairCheckinJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const found = await groupOf(job, community, deps);
  if (!found) return;
  const { round, index } = found;
  const recorded = round.conversations?.[index];
  const where = recorded && recorded !== BY_DIRECT_MESSAGE ? recorded : undefined;
  await deliverToGroup(
    community,
    found,
    where,
    {
      key: 'pair-checkin',
      claim: 'checkin.',
      inGroup: (locale, people) => checkInBlocks(community, locale, t(locale, 'pair.group.checkin', { people }), round.number, index),
      toEach: (locale, others) => checkInBlocks(community, locale, t(locale, 'pair.checkin', { others }), round.number, index),
    },
    deps,
  );
}

/** Sends to each, all tried even when some fail; a failure is thrown for the outbox to retry (claims keep the rest from going twice). */
async function eachOf(people: readonly string[], send: (userId: string) => Promise<void>): Promise<void> {
  const results = await Promise.allSettled(people.map(send));
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} pairing messages could not be delivered`);
}
