import type { Community } from '../community/model.ts';
import { personLocale, resolveCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { oneAtATime, retryOnConflict } from '../kernel/rate.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, plainText } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';
import { type CommunityEvent, type Rsvp, respond } from './model.ts';

/**
 * Who may answer an event from a direct message (whose button id names the server, and anyone could type
 * one): someone who already answered it, a leader or role holder, or a known member.
 */
async function openTo(deps: CoreDeps, community: Community, event: CommunityEvent, user: string): Promise<boolean> {
  const answered = [event.going, event.maybe, event.waitlist, event.cant].some((list) => list.includes(user));
  const onTeam = community.coordinatorId === user || community.roles.some((r) => r.leadId === user || r.memberIds.includes(user));
  return answered || onTeam || (await deps.members.member(community.tenant, community.id, user)) !== undefined;
}

/**
 * Saves an RSVP change, retried with jittered backoff: answers race, the version decides, nobody
 * overfills an event. `'conflict'` when it kept losing, for the caller to say so kindly.
 */
async function answer(deps: CoreDeps, community: Community, eventId: string, user: string, choice: Rsvp, checkOpen: boolean) {
  let allowed: boolean | undefined;
  const key = `event#${community.tenant.platform}#${community.tenant.id}#${community.id}#${eventId}`;
  return oneAtATime(key, () =>
    retryOnConflict(async () => {
      const event = await deps.events.get(community.tenant, community.id, eventId);
      if (!event) return undefined;
      if (event.cancelledAt) return 'cancelled' as const;
      allowed ??= !checkOpen || (await openTo(deps, community, event, user));
      if (!allowed) return 'refused' as const;
      const outcome = respond(event, user, choice);
      if (!outcome.changed) return outcome;
      return (await deps.events.save(community.tenant, outcome.event)) === 'saved' ? outcome : 'conflict';
    }),
  );
}

/** Going, Maybe, Can't go: from the card in the channel, or a direct message. */
export const eventRsvpHandlers: Pick<Handlers<EventCommand>, 'event.rsvp'> = {
  'event.rsvp': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return ephemeral(t(locale, 'event.gone'));
    const outcome = await answer(deps, community, cmd.eventId, ctx.userId, cmd.choice, ctx.tenantFromId === true);
    if (outcome === 'refused') return ephemeral(t(locale, 'forged.refused'));
    if (outcome === 'conflict') return ephemeral(t(locale, 'event.conflict'));
    if (outcome === 'cancelled') return ephemeral(t(locale, 'event.cancelled.rsvp'));
    if (!outcome) return ephemeral(t(locale, 'event.gone'));
    const { event } = outcome;
    if (outcome.changed) {
      // The card is the record everyone sees: it is redrawn in place from the event as it is when that runs.
      const minute = deps.now().toISOString().slice(0, 16);
      await deps.deferred.run([{ kind: 'event.card', tenant: ctx.tenant, communityId: community.id, ref: event.id, minute }]);
    }
    // Saying "going" counts on the ladder once per event (moving between answers does not count again).
    if (outcome.changed && (outcome.status === 'going' || outcome.status === 'waitlisted') && !outcome.wasAnswered)
      await deps.members.count(ctx.tenant, community.id, [ctx.userId], 'rsvps');
    if (outcome.promoted) {
      const theirs = await personLocale(deps, community, outcome.promoted);
      const note: Block[] = [{ type: 'text', text: t(theirs, 'event.promoted', { title: event.title, start: `<t:${event.startsAt}:F>` }) }];
      await deps.deferred.run([sendJob(ctx.tenant, { member: outcome.promoted }, { text: plainText(note), blocks: note })]);
    }
    const position = event.waitlist.indexOf(ctx.userId) + 1;
    return ephemeral(t(locale, `event.you.${outcome.status}`, { title: event.title, position }));
  },
};
