import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import type { CommandOf } from '../kernel/command.ts';
import { forLeaders, isLeader, personLocale, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { oneAtATime, retryOnConflict } from '../kernel/rate.ts';
import type { Block, ModalField, Reply } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { eventManageFeature, saveEdit } from './manage.ts';
import { type CommunityEvent, defaultReminders, eventLimits, type Rsvp, remindersOf, repeats, respond } from './model.ts';
import { mayManage, parseReminders, parseRepeat, pickEvent, remindersText } from './pick.ts';

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
  if (event.cancelledAt)
    // Nothing to answer any more: the card keeps what it was, struck through in words, without buttons.
    return [
      { type: 'header', text: `${t(locale, 'event.cancelled.card')}: ${event.title}` },
      {
        type: 'text',
        text: t(locale, 'event.card.when', { start: `<t:${event.startsAt}:F>`, minutes: event.minutes, place: event.place }),
      },
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
      if (event.cancelledAt) return 'cancelled' as const;
      allowed ??= !checkOpen || (await openTo(deps, community, event, user));
      if (!allowed) return 'refused' as const;
      const outcome = respond(event, user, choice);
      if (!outcome.changed) return outcome;
      return (await deps.events.save(community.tenant, outcome.event)) === 'saved' ? outcome : 'conflict';
    }),
  );
}

/** What the event modal says, read and checked: the event's fields, or the errors to show field by field. */
type EventInput = Pick<CommunityEvent, 'title' | 'startsAt' | 'minutes' | 'place' | 'description' | 'capacity' | 'remind' | 'repeat'>;

async function readEventInput(
  cmd: CommandOf<'event.save'>,
  locale: Locale,
  zone: string,
  now: Date,
  existing: CommunityEvent | undefined,
): Promise<EventInput | Reply> {
  const { parseStart } = await import('../kernel/due-date.ts');
  const title = clip((cmd.title ?? '').replace(/\s+/g, ' ').trim(), eventLimits.title);
  const place = clip((cmd.place ?? '').trim(), eventLimits.place);
  const start = cmd.when?.trim() ? parseStart(cmd.when, zone, now, locale) : undefined;
  const capacityText = (cmd.capacity ?? '').trim();
  const capacity = capacityText ? Number(capacityText) : undefined;
  // Fields a modal did not show (Discord holds five) keep what the event has.
  const remind = cmd.remind === undefined && existing ? remindersOf(existing) : parseReminders(cmd.remind, defaultReminders);
  const repeat = cmd.repeat === undefined ? (existing?.repeat ?? 'off') : parseRepeat(cmd.repeat);
  const errors: Record<string, string> = {};
  if (!title) errors.title = t(locale, 'event.error.title');
  if (!place) errors.place = t(locale, 'event.error.place');
  if (!start) errors.when = t(locale, 'event.error.when');
  // An edit may leave a started event's time as it is; a new time must still be to come.
  else if (start.startsAt * 1000 < now.getTime() && start.startsAt !== existing?.startsAt) {
    const { describeMoment } = await import('../kernel/dates.ts');
    errors.when = t(locale, 'dates.pastTime', {
      when: describeMoment({ date: '', ...start, at: start.startsAt }, { zone, now, locale }),
      zone,
    });
  }
  if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 1 || capacity > eventLimits.capacity))
    errors.capacity = t(locale, 'event.error.capacity');
  if (!remind) errors.remind = t(locale, 'event.error.remind');
  if (!repeat) errors.repeat = t(locale, 'event.error.repeat');
  if (!start || !remind || !repeat || Object.keys(errors).length > 0)
    return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
  return {
    title,
    startsAt: start.startsAt,
    minutes: start.minutes,
    place,
    description: clip((cmd.description ?? '').trim(), eventLimits.description),
    ...(capacity !== undefined ? { capacity } : {}),
    // The default is stored as absent, as events made before reminders could be chosen.
    ...(remind.join() !== defaultReminders.join() ? { remind } : {}),
    ...(repeat !== 'off' ? { repeat } : {}),
  };
}

/**
 * The event modal's fields, filled from `event` when editing it (`when` as the day, time and length it reads back).
 * Discord shows a modal's first five: there, reminders and repeat are set with `event repeat` and keep their values.
 */
export function eventFields(locale: Locale, event?: CommunityEvent, when?: string): ModalField[] {
  const value = (text: string | undefined) => (text ? { value: text } : {});
  return [
    {
      id: 'title',
      label: t(locale, 'event.title.label'),
      multiline: false,
      required: true,
      maxLength: eventLimits.title,
      ...value(event?.title),
    },
    {
      id: 'when',
      label: t(locale, 'event.when.label'),
      hint: t(locale, 'event.when.hint'),
      placeholder: t(locale, 'event.when.placeholder'),
      pickerLabel: t(locale, 'event.start.label'),
      multiline: false,
      required: true,
      maxLength: 60,
      ...value(when),
      // Slack picks the day and time; the length then has a field of its own (`length`, read with `when`).
      picker: 'datetime',
      ...(event ? { picked: String(event.startsAt) } : {}),
    },
    {
      id: 'length',
      label: t(locale, 'dates.length.label'),
      hint: t(locale, 'dates.length.hint'),
      placeholder: t(locale, 'event.length.placeholder'),
      multiline: false,
      required: false,
      maxLength: 10,
      pickerOnly: true,
      ...value(event ? `${event.minutes}m` : undefined),
    },
    {
      id: 'place',
      label: t(locale, 'event.place.label'),
      multiline: false,
      required: true,
      maxLength: eventLimits.place,
      ...value(event?.place),
    },
    {
      id: 'capacity',
      label: t(locale, 'event.capacity.label'),
      hint: t(locale, 'event.capacity.hint'),
      multiline: false,
      required: false,
      maxLength: 6,
      ...value(event?.capacity !== undefined ? String(event.capacity) : undefined),
    },
    {
      id: 'description',
      label: t(locale, 'event.description.label'),
      multiline: true,
      required: false,
      maxLength: eventLimits.description,
      ...value(event?.description),
    },
    {
      id: 'remind',
      label: t(locale, 'event.remind.label'),
      hint: t(locale, 'event.remind.hint'),
      multiline: false,
      required: false,
      maxLength: 100,
      value: remindersText(locale, event ? remindersOf(event) : defaultReminders),
    },
    {
      id: 'repeat',
      label: t(locale, 'event.repeat.label'),
      multiline: false,
      required: false,
      maxLength: 20,
      value: event?.repeat ?? 'off',
      options: (['off', ...repeats] as const).map((r) => ({ value: r, label: t(locale, `event.repeat.${r}`) })),
    },
  ];
}

/** Events: created by leaders, posted with Going / Maybe / Can't go, updated in place, capacity with a waitlist. */
export const eventsFeature: Features<
  | 'event.new'
  | 'event.save'
  | 'event.rsvp'
  | 'events'
  | 'event.attended'
  | 'event.edit'
  | 'event.cancel'
  | 'event.cancel.confirm'
  | 'event.repeat'
  | 'event.attendance.open'
  | 'event.remind'
  | 'events.suggest'
> = {
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
        fields: eventFields(locale),
      },
    };
  },

  'event.edit': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const picked = await pickEvent(deps, community, locale, cmd.event, 'upcoming');
    if ('reply' in picked) return picked.reply;
    const { event } = picked;
    if (!(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.manage.forbidden'));
    if (event.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: event.title }));
    const { DateTime } = await import('luxon');
    // Written the way the `when` field reads it back, in the community's zone.
    const when = `${DateTime.fromSeconds(event.startsAt, { zone: communityZone(community) }).toFormat('yyyy-MM-dd HH:mm')} ${event.minutes}m`;
    return {
      kind: 'modal',
      modal: {
        id: 'event',
        state: `edit|${event.id}`,
        title: t(locale, 'event.modal.edit.title'),
        submit: t(locale, 'event.modal.edit.submit'),
        fields: eventFields(locale, event, when),
      },
    };
  },

  'event.save': async (cmd, ctx, deps) => {
    const resolved = cmd.eventId ? await resolveCommunity(ctx, deps) : await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const existing = cmd.eventId ? await deps.events.get(ctx.tenant, community.id, cmd.eventId) : undefined;
    if (cmd.eventId && !existing) return ephemeral(t(locale, 'event.gone'));
    if (existing && !(await mayManage(community, ctx, existing))) return ephemeral(t(locale, 'event.manage.forbidden'));
    if (existing?.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: existing.title }));
    const now = deps.now();
    const input = await readEventInput(cmd, locale, communityZone(community), now, existing);
    if ('kind' in input) return input;
    if (existing) return saveEdit(deps, ctx, community, locale, existing, input);
    const event: CommunityEvent = {
      id: deps.newId(),
      communityId: community.id,
      ...input,
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
    if ((await deps.events.create(ctx.tenant, event)) !== 'saved') return ephemeral(t(locale, 'community.gone'));
    // The card, the chosen reminders, the debrief prompt and the next occurrence come from the worker.
    const job = { tenant: ctx.tenant, communityId: community.id, ref: event.id, minute: now.toISOString().slice(0, 16) };
    await deps.deferred.run([
      { kind: 'event.card', ...job },
      { kind: 'event.plan', ...job },
    ]);
    const reminders = remindersText(locale, remindersOf(event));
    return ephemeral(
      [
        t(locale, 'event.created.with', { title: event.title, channel: event.channelId, reminders }),
        ...(event.repeat ? [t(locale, `event.repeats.${event.repeat}`)] : []),
      ].join(' '),
    );
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

  'events.suggest': async (cmd, ctx, deps) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found') return { kind: 'choices', choices: [] };
    const { community } = found.snapshot;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const typed = cmd.query.trim().toLocaleLowerCase();
    // The soonest first, then those just past (attendance is marked after the start); the value is the id, unique.
    const events = (await deps.events.list(ctx.tenant, community.id))
      .filter((e) => !e.cancelledAt && e.title.toLocaleLowerCase().includes(typed))
      .sort((a, b) => {
        const ahead = (e: CommunityEvent) => e.startsAt + e.minutes * 60 >= nowSeconds;
        return ahead(a) !== ahead(b) ? (ahead(a) ? -1 : 1) : ahead(a) ? a.startsAt - b.startsAt : b.startsAt - a.startsAt;
      })
      .slice(0, 25);
    const { DateTime } = await import('luxon');
    const day = (e: CommunityEvent) => DateTime.fromSeconds(e.startsAt, { zone: communityZone(community) }).toFormat('yyyy-MM-dd HH:mm');
    return { kind: 'choices', choices: events.map((e) => ({ name: clip(`${e.title} · ${day(e)}`, 100), value: e.id })) };
  },

  events: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const upcoming = (await deps.events.list(ctx.tenant, resolved.snapshot.community.id))
      .filter((e) => !e.cancelledAt && e.startsAt + e.minutes * 60 >= nowSeconds)
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

  ...eventManageFeature,
};
