import type { Community } from '../community/model.ts';
import { forLeaders, peopleLocales, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { type Job, sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import { type CommunityEvent, defaultReminders, remindersOf, withCapacity } from './model.ts';
import { mayManage, parseReminders, parseRepeat, pickEvent, remindersText } from './pick.ts';

const when = (seconds: number) => `<t:${seconds}:F>`;
const minuteNow = (deps: CoreDeps) => deps.now().toISOString().slice(0, 16);

/** Redraws the card and plans the reminders, debrief and next occurrence again, from the event as it is then. */
const redraw = (tenant: Community['tenant'], communityId: string, eventId: string, minute: string): Job[] => [
  { kind: 'event.card', tenant, communityId, ref: eventId, minute },
  { kind: 'event.plan', tenant, communityId, ref: eventId, minute },
];

/**
 * A direct message of paragraphs to each person, in their own language (the worker delivers them, at least
 * once, effectively once).
 */
async function tellEach(
  deps: CoreDeps,
  community: Community,
  people: readonly string[],
  paragraphs: (locale: Locale) => readonly string[],
): Promise<Job[]> {
  const unique = [...new Set(people)];
  const localeOf = await peopleLocales(deps, community, unique);
  return unique.map((member) => {
    const blocks: Block[] = paragraphs(localeOf(member)).map((text) => ({ type: 'text', text }));
    return sendJob(community.tenant, { member }, { text: plainText(blocks), blocks });
  });
}

/** What changed between two versions of an event, one line each (times in each reader's own zone). */
function changes(locale: Locale, before: CommunityEvent, after: CommunityEvent): string[] {
  const places = (e: CommunityEvent) => (e.capacity !== undefined ? String(e.capacity) : t(locale, 'event.changed.unlimited'));
  return [
    ...(before.title !== after.title ? [t(locale, 'event.changed.title', { old: before.title, new: after.title })] : []),
    ...(before.startsAt !== after.startsAt
      ? [t(locale, 'event.changed.time', { old: when(before.startsAt), new: when(after.startsAt) })]
      : []),
    ...(before.minutes !== after.minutes ? [t(locale, 'event.changed.minutes', { old: before.minutes, new: after.minutes })] : []),
    ...(before.place !== after.place ? [t(locale, 'event.changed.place', { old: before.place, new: after.place })] : []),
    ...(before.capacity !== after.capacity ? [t(locale, 'event.changed.capacity', { old: places(before), new: places(after) })] : []),
    ...(before.description !== after.description ? [t(locale, 'event.changed.description')] : []),
  ];
}

/**
 * Saves an edit over the version it was made from (re-read and applied again when someone answered
 * meanwhile). Raising the places moves the first waiting up; lowering them takes no place away.
 */
export async function saveEdit(
  deps: CoreDeps,
  ctx: CommandContext,
  community: Community,
  locale: Locale,
  original: CommunityEvent,
  input: Pick<CommunityEvent, 'title' | 'startsAt' | 'minutes' | 'place' | 'description' | 'capacity' | 'remind' | 'repeat'>,
): Promise<Reply> {
  let before = original;
  for (let attempt = 0; attempt < 5; attempt++) {
    const { capacity: _c, remind: _r, repeat: _p, ...kept } = before;
    const { event: after, promoted } = withCapacity({ ...kept, ...input, capacity: before.capacity }, input.capacity);
    const lines = changes(locale, before, after);
    const plan = remindersOf(before).join() !== remindersOf(after).join() || before.repeat !== after.repeat;
    if (lines.length === 0 && !plan) return ephemeral(t(locale, 'event.edited.same', { title: after.title }));
    const saved = await deps.events.save(ctx.tenant, { ...after, version: before.version + 1 });
    if (saved === 'saved') {
      const told = [...before.going, ...before.maybe].filter((u) => !promoted.includes(u));
      const start = when(after.startsAt);
      const changedNote = (l: Locale) => [t(l, 'event.changed', { title: after.title }), changes(l, before, after).join('\n')];
      await deps.deferred.run([
        ...redraw(ctx.tenant, community.id, after.id, minuteNow(deps)),
        ...(lines.length > 0 ? await tellEach(deps, community, told, changedNote) : []),
        ...(await tellEach(deps, community, promoted, (l) => [t(l, 'event.promoted', { title: after.title, start })])),
      ]);
      const kept = after.capacity !== undefined && after.going.length > after.capacity;
      return ephemeral(
        [
          t(locale, 'event.edited', { title: after.title }),
          ...(lines.length > 0 ? [tn(locale, 'event.told', told.length)] : []),
          ...(kept ? [t(locale, 'event.edited.kept', { going: after.going.length })] : []),
        ].join(' '),
      );
    }
    const fresh = await deps.events.get(ctx.tenant, community.id, original.id);
    if (!fresh) return ephemeral(t(locale, 'event.gone'));
    before = fresh;
  }
  return ephemeral(t(locale, 'event.conflict'));
}

/** The community a button or modal names (clicked in a DM, where the channel says nothing), else the channel's. */
async function communityOf(cmd: { tenantId?: string | undefined; communityId?: string | undefined }, ctx: CommandContext, deps: CoreDeps) {
  if (cmd.tenantId && cmd.tenantId !== ctx.tenant.id)
    return { reply: ephemeral(t(ctx.userLocale ?? deps.defaultLocale, 'community.none')) };
  return resolveCommunity(cmd.communityId ? { ...ctx, channelId: cmd.communityId } : ctx, deps);
}

/** Cancelling, repeating and attendance of events, by a word of their title. */
export const eventManageFeature: Features<
  'event.cancel' | 'event.cancel.confirm' | 'event.repeat' | 'event.remind' | 'event.attendance.open' | 'event.attended'
> = {
  'event.cancel': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const picked = await pickEvent(deps, community, locale, cmd.event, 'upcoming');
    if ('reply' in picked) return picked.reply;
    const { event } = picked;
    if (!(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.manage.forbidden'));
    if (event.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: event.title }));
    // Asked first: a cancel tells everyone who answered and cannot be taken back.
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'event.cancel.ask', { title: event.title, start: when(event.startsAt) }) },
      ...(event.repeat ? [{ type: 'context' as const, text: t(locale, 'event.cancel.series') }] : []),
      {
        type: 'actions',
        buttons: [{ id: `event:cancel:${ctx.tenant.id}:${community.id}:${event.id}`, label: t(locale, 'event.cancel.button') }],
      },
    ]);
  },

  'event.cancel.confirm': async (cmd, ctx, deps) => {
    const resolved = await communityOf(cmd, ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    for (let attempt = 0; attempt < 5; attempt++) {
      const event = await deps.events.get(ctx.tenant, community.id, cmd.eventId);
      if (!event) return ephemeral(t(locale, 'event.gone'));
      if (!(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.manage.forbidden'));
      // A second click (or a platform's retry) finds it cancelled and changes nothing.
      if (event.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: event.title }));
      const cancelled = { ...event, cancelledAt: deps.now().toISOString(), version: event.version + 1 };
      if ((await deps.events.cancel(ctx.tenant, cancelled)) !== 'saved') continue;
      const told = [...event.going, ...event.maybe, ...event.waitlist];
      await deps.deferred.run([
        ...redraw(ctx.tenant, community.id, event.id, minuteNow(deps)),
        ...(await tellEach(deps, community, told, (l) => [
          t(l, 'event.cancelled.note', { title: event.title, start: when(event.startsAt) }),
        ])),
      ]);
      return ephemeral(`${t(locale, 'event.cancelled', { title: event.title })} ${tn(locale, 'event.told', new Set(told).size)}`);
    }
    return ephemeral(t(locale, 'event.conflict'));
  },

  'event.repeat': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const picked = await pickEvent(deps, community, locale, cmd.event, 'upcoming');
    if ('reply' in picked) return picked.reply;
    if (!(await mayManage(community, ctx, picked.event))) return ephemeral(t(locale, 'event.manage.forbidden'));
    const every = parseRepeat(cmd.every);
    if (!every) return ephemeral(t(locale, 'event.repeat.ask', { title: picked.event.title }));
    for (let attempt = 0, event = picked.event; attempt < 5; attempt++) {
      const { repeat: _r, ...rest } = event;
      const changed: CommunityEvent = { ...rest, ...(every !== 'off' ? { repeat: every } : {}), version: event.version + 1 };
      if ((await deps.events.save(ctx.tenant, changed)) === 'saved') {
        await deps.deferred.run(redraw(ctx.tenant, community.id, event.id, minuteNow(deps)).slice(1));
        return ephemeral(
          every === 'off'
            ? t(locale, 'event.repeat.stopped', { title: event.title })
            : t(locale, 'event.repeat.set', { title: event.title, every: t(locale, `event.repeat.${every}`).toLocaleLowerCase(locale) }),
        );
      }
      const fresh = await deps.events.get(ctx.tenant, community.id, event.id);
      if (!fresh) return ephemeral(t(locale, 'event.gone'));
      event = fresh;
    }
    return ephemeral(t(locale, 'event.conflict'));
  },

  'event.remind': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const picked = await pickEvent(deps, community, locale, cmd.event, 'upcoming');
    if ('reply' in picked) return picked.reply;
    if (!(await mayManage(community, ctx, picked.event))) return ephemeral(t(locale, 'event.manage.forbidden'));
    const chosen = cmd.remind ? parseReminders(cmd.remind, defaultReminders) : undefined;
    if (!chosen) return ephemeral(t(locale, 'event.remind.ask', { title: picked.event.title }));
    for (let attempt = 0, event = picked.event; attempt < 5; attempt++) {
      const { remind: _r, ...rest } = event;
      const changed: CommunityEvent = {
        ...rest,
        ...(chosen.join() !== defaultReminders.join() ? { remind: chosen } : {}),
        version: event.version + 1,
      };
      if ((await deps.events.save(ctx.tenant, changed)) === 'saved') {
        // The plan moves the reminders: new ones are planned, those no longer chosen removed.
        await deps.deferred.run(redraw(ctx.tenant, community.id, event.id, minuteNow(deps)).slice(1));
        return ephemeral(t(locale, 'event.remind.set', { title: event.title, reminders: remindersText(locale, chosen) }));
      }
      const fresh = await deps.events.get(ctx.tenant, community.id, event.id);
      if (!fresh) return ephemeral(t(locale, 'event.gone'));
      event = fresh;
    }
    return ephemeral(t(locale, 'event.conflict'));
  },

  'event.attendance.open': async (cmd, ctx, deps) => {
    const resolved = await communityOf(cmd, ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const event = await deps.events.get(ctx.tenant, community.id, cmd.eventId);
    if (!event) return ephemeral(t(locale, 'event.gone'));
    if (!(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.forbidden'));
    if (event.startsAt * 1000 > deps.now().getTime()) return ephemeral(t(locale, 'event.attended.early'));
    return {
      kind: 'modal',
      modal: {
        id: 'attendance',
        state: `${ctx.tenant.id}|${community.id}|${event.id}`,
        title: t(locale, 'event.attendance.title'),
        submit: t(locale, 'event.attendance.submit'),
        fields: [
          {
            id: 'people',
            label: t(locale, 'event.attendance.people'),
            hint: t(locale, 'event.attendance.hint'),
            multiline: false,
            required: false,
            maxLength: 200,
            users: event.attended.length > 0 ? event.attended : event.going,
          },
        ],
      },
    };
  },

  'event.attended': async (cmd, ctx, deps) => {
    // From the picker (which names its community): the people chosen are who came. Typed: they are added.
    const fromPicker = cmd.communityId !== undefined;
    const resolved = fromPicker ? await communityOf(cmd, ctx, deps) : await forLeaders(ctx, deps, 'event.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (!fromPicker && (!cmd.eventId || cmd.userIds.length === 0)) return ephemeral(t(locale, 'event.attended.usage'));
    if (fromPicker && cmd.userIds.length === 0)
      return { kind: 'fieldErrors', errors: { people: t(locale, 'event.attended.none') }, text: t(locale, 'event.attended.none') };
    const picked = fromPicker
      ? { event: await deps.events.get(ctx.tenant, community.id, cmd.eventId ?? '') }
      : await pickEvent(deps, community, locale, cmd.eventId, 'started');
    if ('reply' in picked) return picked.reply;
    for (let attempt = 0, event = picked.event; attempt < 5; attempt++) {
      if (!event) return ephemeral(t(locale, 'event.gone'));
      if (fromPicker && !(await mayManage(community, ctx, event))) return ephemeral(t(locale, 'event.forbidden'));
      if (event.startsAt * 1000 > deps.now().getTime()) return ephemeral(t(locale, 'event.attended.early'));
      const attended = fromPicker ? [...new Set(cmd.userIds)] : [...new Set([...event.attended, ...cmd.userIds])];
      const newcomers = attended.filter((u) => !event?.attended.includes(u));
      if ((await deps.events.save(ctx.tenant, { ...event, attended, version: event.version + 1 })) === 'saved') {
        // Counting each person is one write each: the worker does it (once per person and event: only newcomers).
        if (newcomers.length > 0)
          await deps.deferred.run([{ kind: 'count', tenant: ctx.tenant, communityId: community.id, userIds: newcomers, act: 'attended' }]);
        return ephemeral(t(locale, 'event.attended.saved', { title: event.title, count: attended.length, going: event.going.length }));
      }
      event = await deps.events.get(ctx.tenant, community.id, event.id);
    }
    return ephemeral(t(locale, 'event.conflict'));
  },
};
