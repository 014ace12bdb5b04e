import type { Community } from '../community/model.ts';
import { inCommunity, isLeader } from '../kernel/context.ts';
import { CoreError } from '../kernel/errors.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { retryOnConflict } from '../kernel/rate.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { PairingCommand, PairingCommandOf } from './commands.ts';
import { type Pairing, pairingLimits } from './model.ts';

const clean = (s: string) => clip(s.replace(/[`<>*]/g, ''), 60);

/**
 * Applies a change to the pairing, retried with jittered backoff: joins and rounds race, the version
 * decides. When it keeps losing, the member hears "pairing changed while I was saving", not an error.
 */
async function change(community: Community, deps: CoreDeps, edit: (p: Pairing) => Pairing): Promise<Pairing> {
  const saved = await retryOnConflict(async () => {
    const current = await deps.pairing.get(community.tenant, community.id);
    const next = { ...edit(current), version: current.version + 1 };
    return (await deps.pairing.save(community.tenant, next)) === 'saved' ? next : 'conflict';
  });
  if (saved === 'conflict') throw new CoreError('STORE.CONFLICT', community.locale, 'pair.conflict');
  return saved;
}

/** Whether `userId` is in group `<round>.<index>` of a kept pairing round. */
async function inGroup(deps: CoreDeps, community: Community, group: string, userId: string): Promise<boolean> {
  const [number, index] = group.split('.').map(Number);
  const round = (await deps.pairing.get(community.tenant, community.id)).rounds.find((r) => r.number === number);
  return round?.groups[index ?? -1]?.includes(userId) ?? false;
}

/** `pair …`: leaders start, stop or run a round now; members join, leave, snooze or read the status. */
const pair = inCommunity<PairingCommandOf<'pair'>>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
  const leaderOnly = cmd.action === 'start' || cmd.action === 'stop' || cmd.action === 'now';
  if (leaderOnly && !(await isLeader(community, ctx))) return ephemeral(t(locale, 'pair.forbidden'));
  const now = deps.now();
  const minute = now.toISOString().slice(0, 16);
  switch (cmd.action) {
    case 'start': {
      const weeks = cmd.weeks ?? 2;
      if (!Number.isInteger(weeks) || weeks < 1 || weeks > pairingLimits.maxWeeks)
        return ephemeral(t(locale, 'pair.weeks', { max: pairingLimits.maxWeeks }));
      await change(community, deps, (p) => ({
        ...p,
        active: true,
        everyWeeks: weeks,
        newcomersWithLeaders: cmd.newcomers ?? p.newcomersWithLeaders,
      }));
      // The first round a minute from now, then every `weeks` weeks (the due item moves itself on).
      const first = new Date(now.getTime() + 60_000).toISOString().slice(0, 16);
      await deps.due.put({ tenant: ctx.tenant, communityId: community.id, kind: 'pair', ref: 'round', minute: first });
      return ephemeral(t(locale, 'pair.started.every', { every: tn(locale, 'pair.every', weeks) }));
    }
    case 'stop':
      await change(community, deps, (p) => ({ ...p, active: false }));
      await deps.due.remove(ctx.tenant, community.id, 'pair', 'round');
      return ephemeral(t(locale, 'pair.stopped'));
    case 'now': {
      const job: DueJob = { kind: 'pair.round', tenant: ctx.tenant, communityId: community.id, ref: 'round', minute, manual: true };
      await deps.deferred.run([job]);
      return ephemeral(t(locale, 'pair.now'));
    }
    case 'join':
    case 'leave':
      await change(community, deps, (p) => ({
        ...p,
        members: cmd.action === 'join' ? [...new Set([...p.members, ctx.userId])] : p.members.filter((u) => u !== ctx.userId),
      }));
      return ephemeral(t(locale, cmd.action === 'join' ? 'pair.joined' : 'pair.left'));
    case 'snooze': {
      const { readDue, pastText } = await import('../kernel/due-date.ts');
      const zone = community.timezone ?? 'UTC';
      const read = readDue(cmd.until ?? '', zone, now, locale);
      if ('problem' in read && read.problem === 'past') return ephemeral(pastText(locale, read.understood, zone));
      if ('problem' in read) return ephemeral(t(locale, 'pair.snooze.bad', { date: clean(cmd.until ?? '') }));
      const until = read.due;
      await change(community, deps, (p) => ({ ...p, snoozed: { ...p.snoozed, [ctx.userId]: until.date } }));
      return ephemeral(t(locale, 'pair.snoozed', { date: read.understood }));
    }
    default: {
      const pairing = await deps.pairing.get(ctx.tenant, community.id);
      const last = pairing.rounds.at(-1);
      return ephemeral(
        pairing.active
          ? t(locale, 'pair.status.running', {
              every: tn(locale, 'pair.every', pairing.everyWeeks),
              people: tn(locale, 'pair.people', pairing.members.length),
            })
          : t(locale, 'pair.status.paused', { signed: tn(locale, 'pair.signed', pairing.members.length) }),
        last
          ? t(locale, 'pair.status.round', {
              number: last.number,
              date: last.date,
              groups: tn(locale, 'pair.groups', last.groups.length),
            })
          : t(locale, 'pair.status.none'),
        t(locale, pairing.members.includes(ctx.userId) ? 'pair.status.in' : 'pair.status.out'),
      );
    }
  }
});

/** A check-in's answer, from a direct message: the community is the one its button names. */
const answerCheckIn = inCommunity<PairingCommandOf<'pair.met'>>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
  if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return ephemeral(t(locale, 'pair.gone'));
  // Only someone in the group may answer for it: a check-in button's id can be typed by anyone (Discord DMs carry no guild).
  if (!(await inGroup(deps, community, cmd.group, ctx.userId))) return ephemeral(t(locale, 'forged.refused'));
  if (cmd.answer !== 'met') return ephemeral(t(locale, cmd.answer === 'notyet' ? 'pair.answer.notyet' : 'pair.answer.skip'));
  // One meeting per group, whoever of them clicks first (and however often).
  const claimed = await deps.due.claim(`pairmet#${ctx.tenant.platform}#${ctx.tenant.id}#${community.id}#${cmd.group}`);
  if (!claimed) return ephemeral(t(locale, 'pair.answer.already'));
  const job: DueJob = {
    kind: 'pair.met',
    tenant: ctx.tenant,
    communityId: community.id,
    ref: `${cmd.group}#${ctx.userId}`,
    minute: deps.now().toISOString().slice(0, 16),
  };
  await deps.deferred.run([job]);
  return ephemeral(t(locale, 'pair.answer.met'));
});

/** Pairing rounds: leaders start and stop them; members join, leave or snooze; a check-in logs who met. */
export const pairingHandlers: Handlers<PairingCommand> = {
  pair,
  'pair.met': (cmd, ctx, deps) => answerCheckIn(cmd, { ...ctx, channelId: cmd.communityId }, deps),
};
