import type { Community } from '../community/model.ts';
import { peopleLocales, resolveCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { type Job, sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import type { EventCommand } from './commands.ts';
import { cancelId } from './ids.ts';
import { type CommunityEvent, defaultReminders } from './model.ts';
import { managedEvent, mayManage, parseReminders, parseRepeat, remindersText } from './pick.ts';

export const when = (seconds: number) => `<t:${seconds}:F>`;
export const minuteNow = (deps: CoreDeps) => deps.now().toISOString().slice(0, 16);

/** Redraws the card and plans the reminders, debrief and next occurrence again, from the event as it is then. */
export const redraw = (tenant: Community['tenant'], communityId: string, eventId: string, minute: string): Job[] => [
  { kind: 'event.card', tenant, communityId, ref: eventId, minute },
  { kind: 'event.plan', tenant, communityId, ref: eventId, minute },
];

/**
 * A direct message of paragraphs to each person, in their own language (the worker delivers them, at least
 * once, effectively once).
 */
export async function tellEach(
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

/** The community a button or modal names (clicked in a DM, where the channel says nothing), else the channel's. */
export async function communityOf(
  cmd: { tenantId?: string | undefined; communityId?: string | undefined },
  ctx: CommandContext,
  deps: CoreDeps,
) {
  if (cmd.tenantId && cmd.tenantId !== ctx.tenant.id)
    return { reply: ephemeral(t(ctx.userLocale ?? deps.defaultLocale, 'community.none')) };
  return resolveCommunity(cmd.communityId ? { ...ctx, channelId: cmd.communityId } : ctx, deps);
}

/**
 * Saves a changed copy of an event (`change` makes it from the newest version), re-read and made again when
 * someone answered meanwhile; then plans its reminders, debrief and next occurrence again. Returns the version
 * it was made from, `'gone'` when the event no longer exists, `'conflict'` when it kept losing.
 */
async function changeEvent(
  deps: CoreDeps,
  community: Community,
  first: CommunityEvent,
  change: (event: CommunityEvent) => CommunityEvent,
): Promise<CommunityEvent | 'gone' | 'conflict'> {
  for (let attempt = 0, event = first; attempt < 5; attempt++) {
    if ((await deps.events.save(community.tenant, { ...change(event), version: event.version + 1 })) === 'saved') {
      await deps.deferred.run(redraw(community.tenant, community.id, event.id, minuteNow(deps)).slice(1));
      return event;
    }
    const fresh = await deps.events.get(community.tenant, community.id, event.id);
    if (!fresh) return 'gone';
    event = fresh;
  }
  return 'conflict';
}

/** Cancelling and repeating events, and choosing their reminders, by a word of their title. */
export const eventManageHandlers: Pick<
  Handlers<EventCommand>,
  'event.cancel' | 'event.cancel.confirm' | 'event.repeat' | 'event.remind'
> = {
  'event.cancel': managedEvent(async (_cmd, ctx, _deps, { locale, community, event }) => {
    if (event.cancelledAt) return ephemeral(t(locale, 'event.cancelled.already', { title: event.title }));
    // Asked first: a cancel tells everyone who answered and cannot be taken back.
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'event.cancel.ask', { title: event.title, start: when(event.startsAt) }) },
      ...(event.repeat ? [{ type: 'context' as const, text: t(locale, 'event.cancel.series') }] : []),
      { type: 'actions', buttons: [{ id: cancelId(ctx.tenant.id, community.id, event.id), label: t(locale, 'event.cancel.button') }] },
    ]);
  }),

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

  'event.repeat': managedEvent(async (cmd, _ctx, deps, { locale, community, event: picked }) => {
    const every = parseRepeat(cmd.every);
    if (!every) return ephemeral(t(locale, 'event.repeat.ask', { title: picked.title }));
    const saved = await changeEvent(deps, community, picked, ({ repeat: _r, ...rest }) => ({
      ...rest,
      ...(every !== 'off' ? { repeat: every } : {}),
    }));
    if (saved === 'gone') return ephemeral(t(locale, 'event.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'event.conflict'));
    return ephemeral(
      every === 'off'
        ? t(locale, 'event.repeat.stopped', { title: saved.title })
        : t(locale, 'event.repeat.set', { title: saved.title, every: t(locale, `event.repeat.${every}`).toLocaleLowerCase(locale) }),
    );
  }),

  'event.remind': managedEvent(async (cmd, _ctx, deps, { locale, community, event: picked }) => {
    const chosen = cmd.remind ? parseReminders(cmd.remind, defaultReminders) : undefined;
    if (!chosen) return ephemeral(t(locale, 'event.remind.ask', { title: picked.title }));
    // The plan moves the reminders: new ones are planned, those no longer chosen removed.
    const saved = await changeEvent(deps, community, picked, ({ remind: _r, ...rest }) => ({
      ...rest,
      ...(chosen.join() !== defaultReminders.join() ? { remind: chosen } : {}),
    }));
    if (saved === 'gone') return ephemeral(t(locale, 'event.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'event.conflict'));
    return ephemeral(t(locale, 'event.remind.set', { title: saved.title, reminders: remindersText(locale, chosen) }));
  }),
};
