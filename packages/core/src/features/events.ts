import type { Community } from '../community.ts';
import { type CommunityEvent, eventLimits, type Rsvp, respond } from '../events.ts';
import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import { sendJob } from '../jobs.ts';
import type { CoreDeps } from '../ports.ts';
import { oneAtATime, retryOnConflict } from '../rate.ts';
import type { Block } from '../reply.ts';
import { ephemeral, message } from '../reply.ts';
import { plainText } from '../standup-blocks.ts';
import { clip } from '../text.ts';
import { forLeaders, isLeader, resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';
import { linesWithMore } from './list-more.ts';

const zoneOf = (community: Community) => community.timezone ?? 'UTC';
const people = (ids: readonly string[]) => ids.map((u) => `<@${u}>`).join(', ');
export const eventButton = (choice: Rsvp, tenantId: string, communityId: string, eventId: string) =>
  `event:${choice}:${tenantId}:${communityId}:${eventId}`;

/** The event card in the channel: when (each reader's local time), where, who is going, and the RSVP buttons. */
export function eventCard(locale: Locale, tenantId: string, event: CommunityEvent): Block[] {
  const capacity = event.capacity !== undefined ? `/${event.capacity}` : '';
  const who = [
    t(locale, 'event.card.going', { count: `${event.going.length}${capacity}`, people: people(event.going) || '—' }),
    ...(event.maybe.length > 0 ? [t(locale, 'event.card.maybe', { count: event.maybe.length, people: people(event.maybe) })] : []),
    ...(event.waitlist.length > 0
      ? [t(locale, 'event.card.waitlist', { count: event.waitlist.length, people: people(event.waitlist) })]
      : []),
    ...(event.cant.length > 0 ? [t(locale, 'event.card.cant', { count: event.cant.length })] : []),
  ];
  return [
    { type: 'header', text: event.title },
    { type: 'text', text: t(locale, 'event.card.when', { start: `<t:${event.startsAt}:F>`, minutes: event.minutes, place: event.place }) },
    ...(event.description ? [{ type: 'text' as const, text: event.description }] : []),
    { type: 'context', text: who.join('\n') },
    {
      type: 'actions',
      buttons: (['going', 'maybe', 'cant'] as const).map((choice) => ({
        id: eventButton(choice, tenantId, event.communityId, event.id),
        label: t(locale, `event.${choice}`),
        ...(choice === 'going' ? { primary: true } : {}),
      })),
    },
  ];
}

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
      allowed ??= !checkOpen || (await openTo(deps, community, event, user));
      if (!allowed) return 'refused' as const;
      const outcome = respond(event, user, choice);
      if (!outcome.changed) return outcome;
      return (await deps.events.save(community.tenant, outcome.event)) === 'saved' ? outcome : 'conflict';
    }),
  );
}

/** Events: created by leaders, posted with Going / Maybe / Can't go, updated in place, capacity with a waitlist. */
export const eventsFeature: Features<'event.new' | 'event.save' | 'event.rsvp' | 'events' | 'event.attended'> = {
  'event.new': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    if (!(await isLeader(resolved.snapshot.community, ctx))) return ephemeral(t(locale, 'event.forbidden'));
    return {
      kind: 'modal',
      modal: {
        id: 'event',
        ...(cmd.campaign ? { state: cmd.campaign.slice(0, 40) } : {}),
        title: t(locale, 'event.modal.title'),
        submit: t(locale, 'event.modal.submit'),
        fields: [
          { id: 'title', label: t(locale, 'event.title.label'), multiline: false, required: true, maxLength: eventLimits.title },
          {
            id: 'when',
            label: t(locale, 'event.when.label'),
            hint: t(locale, 'event.when.hint'),
            placeholder: 'friday 18:00 2h',
            multiline: false,
            required: true,
            maxLength: 60,
          },
          { id: 'place', label: t(locale, 'event.place.label'), multiline: false, required: true, maxLength: eventLimits.place },
          {
            id: 'capacity',
            label: t(locale, 'event.capacity.label'),
            hint: t(locale, 'event.capacity.hint'),
            multiline: false,
            required: false,
            maxLength: 6,
          },
          {
            id: 'description',
            label: t(locale, 'event.description.label'),
            multiline: true,
            required: false,
            maxLength: eventLimits.description,
          },
        ],
      },
    };
  },

  'event.save': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const now = deps.now();
    const { parseStart } = await import('../due.ts');
    const title = clip((cmd.title ?? '').replace(/\s+/g, ' ').trim(), eventLimits.title);
    const place = clip((cmd.place ?? '').trim(), eventLimits.place);
    const start = cmd.when?.trim() ? parseStart(cmd.when, zoneOf(community), now) : undefined;
    const capacityText = (cmd.capacity ?? '').trim();
    const capacity = capacityText ? Number(capacityText) : undefined;
    const errors: Record<string, string> = {};
    if (!title) errors.title = t(locale, 'event.error.title');
    if (!place) errors.place = t(locale, 'event.error.place');
    if (!start) errors.when = t(locale, 'event.error.when');
    else if (start.startsAt * 1000 < now.getTime()) errors.when = t(locale, 'event.error.past');
    if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1 || capacity > eventLimits.capacity))
      errors.capacity = t(locale, 'event.error.capacity');
    if (!start || Object.keys(errors).length > 0) return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
    const event: CommunityEvent = {
      id: deps.newId(),
      communityId: community.id,
      title,
      startsAt: start.startsAt,
      minutes: start.minutes,
      place,
      description: clip((cmd.description ?? '').trim(), eventLimits.description),
      ...(capacity !== undefined ? { capacity } : {}),
      ...(cmd.campaign ? { campaignId: cmd.campaign } : {}),
      channelId: community.homeChannelId,
      going: [],
      maybe: [],
      cant: [],
      waitlist: [],
      attended: [],
      createdBy: ctx.userId,
      createdAt: now.toISOString(),
      version: 0,
    };
    if ((await deps.events.create(ctx.tenant, event)) === 'missing') return ephemeral(t(locale, 'community.gone'));
    // The card, the reminders (the day before, an hour before) and the debrief prompt come from the worker.
    const job = { tenant: ctx.tenant, communityId: community.id, ref: event.id, minute: now.toISOString().slice(0, 16) };
    await deps.deferred.run([
      { kind: 'event.card', ...job },
      { kind: 'event.plan', ...job },
    ]);
    return ephemeral(t(locale, 'event.created', { title, channel: event.channelId }));
  },

  'event.rsvp': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (cmd.tenantId !== ctx.tenant.id || community.id !== cmd.communityId) return ephemeral(t(locale, 'event.gone'));
    const outcome = await answer(deps, community, cmd.eventId, ctx.userId, cmd.choice, ctx.tenantFromId === true);
    if (outcome === 'refused') return ephemeral(t(locale, 'forged.refused'));
    if (outcome === 'conflict') return ephemeral(t(locale, 'event.conflict'));
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
      const note: Block[] = [{ type: 'text', text: t(locale, 'event.promoted', { title: event.title, start: `<t:${event.startsAt}:F>` }) }];
      await deps.deferred.run([sendJob(ctx.tenant, { member: outcome.promoted }, { text: plainText(note), blocks: note })]);
    }
    const position = event.waitlist.indexOf(ctx.userId) + 1;
    return ephemeral(t(locale, `event.you.${outcome.status}`, { title: event.title, position }));
  },

  events: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const upcoming = (await deps.events.list(ctx.tenant, resolved.snapshot.community.id))
      .filter((e) => e.startsAt + e.minutes * 60 >= nowSeconds)
      .sort((a, b) => a.startsAt - b.startsAt);
    const lines = upcoming.map((e) =>
      t(locale, 'events.line', {
        title: e.title,
        start: `<t:${e.startsAt}:F>`,
        place: e.place,
        going: `${e.going.length}${e.capacity !== undefined ? `/${e.capacity}` : ''}`,
        id: e.id,
      }),
    );
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'events.title') },
      {
        type: 'text',
        text: lines.length > 0 ? linesWithMore(locale, lines, { max: 20, how: t(locale, 'events.more.how') }) : t(locale, 'events.empty'),
      },
    ]);
  },

  'event.attended': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    if (!cmd.eventId || cmd.userIds.length === 0) return ephemeral(t(locale, 'event.attended.usage'));
    for (let attempt = 0; attempt < 5; attempt++) {
      const event = await deps.events.get(ctx.tenant, community.id, cmd.eventId);
      if (!event) return ephemeral(t(locale, 'event.gone'));
      if (event.startsAt * 1000 > deps.now().getTime()) return ephemeral(t(locale, 'event.attended.early'));
      const attended = [...new Set([...event.attended, ...cmd.userIds])];
      const newcomers = attended.filter((u) => !event.attended.includes(u));
      if ((await deps.events.save(ctx.tenant, { ...event, attended, version: event.version + 1 })) === 'saved') {
        // Counting each person is one write each: the worker does it.
        if (newcomers.length > 0)
          await deps.deferred.run([{ kind: 'count', tenant: ctx.tenant, communityId: community.id, userIds: newcomers, act: 'attended' }]);
        return ephemeral(t(locale, 'event.attended.saved', { title: event.title, count: attended.length, going: event.going.length }));
      }
    }
    return ephemeral(t(locale, 'event.conflict'));
  },
};
