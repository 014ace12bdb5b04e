import type { Community } from '../community/model.ts';
import { inCommunity, isLeader, type Scope } from '../kernel/context.ts';
import type { AnyCommand, Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { type CommunityEvent, findEvents, type RemindAt, type Repeat, reminderChoices } from './model.ts';

const shownQuery = (query: string) => clip(query.replace(/[`<>*_~|]/g, ''), 60);
const choiceLine = (locale: Locale, e: CommunityEvent) =>
  t(locale, 'event.choice', { title: e.title, start: `<t:${e.startsAt}:F>`, id: e.id });

/**
 * The one event a user named (its id or words of its title), or the answer that says there is none or
 * several, listing what they could mean. `verb` goes into the example of how to name one.
 */
export async function pickEvent(
  deps: CoreDeps,
  community: Community,
  locale: Locale,
  query: string | undefined,
  prefer: 'upcoming' | 'started',
): Promise<{ event: CommunityEvent } | { reply: Reply }> {
  if (!query?.trim()) return { reply: ephemeral(t(locale, 'event.ask')) };
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const events = await deps.events.list(community.tenant, community.id);
  const found = findEvents(events, query, nowSeconds, prefer);
  if (found.length === 1 && found[0]) return { event: found[0] };
  if (found.length > 1) {
    const lines = found.sort((a, b) => a.startsAt - b.startsAt).map((e) => choiceLine(locale, e));
    return { reply: ephemeral(t(locale, 'event.which', { query: shownQuery(query), events: linesWithMore(locale, lines, { max: 10 }) })) };
  }
  const upcoming = events
    .filter((e) => !e.cancelledAt && e.startsAt + e.minutes * 60 >= nowSeconds)
    .sort((a, b) => a.startsAt - b.startsAt)
    .map((e) => choiceLine(locale, e));
  return {
    reply: ephemeral(
      upcoming.length > 0
        ? t(locale, 'event.none', { query: shownQuery(query), events: linesWithMore(locale, upcoming, { max: 10 }) })
        : t(locale, 'event.none.empty', { query: shownQuery(query) }),
    ),
  };
}

/** Leaders and the event's organizer may change it. */
export async function mayManage(community: Community, ctx: CommandContext, event: CommunityEvent): Promise<boolean> {
  return event.createdBy === ctx.userId || (await isLeader(community, ctx));
}

/** What a handler of a managed event gets: its community's scope, the community, and the event. */
export type ManagedScope = Scope & { readonly community: Community; readonly event: CommunityEvent };

/**
 * A handler of an upcoming event the caller names (`cmd.event`: its id or words of its title), which only
 * its organizer or a leader may change: anyone else is told so, and nothing runs.
 */
export const managedEvent = <C extends AnyCommand & { readonly event?: string | undefined }>(
  run: (command: C, ctx: CommandContext, deps: CoreDeps, scope: ManagedScope) => Promise<Reply>,
): Handler<C> =>
  inCommunity<C>(async (command, ctx, deps, scope) => {
    const { community } = scope.snapshot;
    const picked = await pickEvent(deps, community, scope.locale, command.event, 'upcoming');
    if ('reply' in picked) return picked.reply;
    if (!(await mayManage(community, ctx, picked.event))) return ephemeral(t(scope.locale, 'event.manage.forbidden'));
    return run(command, ctx, deps, { ...scope, community, event: picked.event });
  });

const REMINDER_WORDS: readonly [RemindAt, RegExp][] = [
  ['week', /^(1\s*)?(w|wk|weeks?|нед|неделя|неделю|недели)$/u],
  ['day', /^(1\s*)?(d|days?|д|дн|день|дня|сутки|24\s*(h|ч))$/u],
  ['3h', /^3\s*(h|hrs?|hours?|ч|час|часа|часов)$/u],
  ['hour', /^(1\s*)?(h|hr|hour|ч|час)$/u],
];

/**
 * Reminders as typed ("1 day, 1 hour", "за неделю и за час", "none"): the chosen ones, `[]` for none,
 * undefined when a part is not one of the choices. Empty text keeps `fallback`.
 */
export function parseReminders(text: string | undefined, fallback: readonly RemindAt[]): readonly RemindAt[] | undefined {
  const input = (text ?? '').trim().toLocaleLowerCase();
  if (!input) return fallback;
  if (/^(none|no|off|no reminders|нет|никаких|без напоминаний|не напоминать)$/u.test(input)) return [];
  const parts = input
    .split(/\s*(?:,|;|\band\b|(?<![\p{L}])и(?![\p{L}]))\s*/u)
    .map((p) =>
      p
        .replace(/^(за)\s+/u, '')
        .replace(/\s+(before|ahead|earlier|до|заранее)$/u, '')
        .trim(),
    )
    .filter(Boolean);
  const chosen = new Set<RemindAt>();
  for (const part of parts) {
    const match = REMINDER_WORDS.find(([, re]) => re.test(part));
    if (!match) return undefined;
    chosen.add(match[0]);
  }
  return reminderChoices.filter((at) => chosen.has(at));
}

/** How often, as typed or chosen: a repeat, `'off'`, or undefined when it is neither. */
export function parseRepeat(text: string | undefined): Repeat | 'off' | undefined {
  const input = (text ?? '').trim().toLocaleLowerCase();
  if (/^(weekly|every week|week|еженедельно|каждую неделю)$/u.test(input)) return 'weekly';
  if (/^(biweekly|fortnightly|every (two|2) weeks|раз в две недели|каждые две недели|раз в 2 недели)$/u.test(input)) return 'biweekly';
  if (/^(monthly|every month|month|ежемесячно|каждый месяц)$/u.test(input)) return 'monthly';
  if (/^(off|none|no|never|stop|нет|не повторять|стоп)$/u.test(input)) return 'off';
  return undefined;
}

/** The chosen reminders in words, for a reply. */
export const remindersText = (locale: Locale, chosen: readonly RemindAt[]) =>
  chosen.length > 0 ? chosen.map((at) => t(locale, `event.remind.${at}.name`)).join(', ') : t(locale, 'event.remind.none');
