import { type Locale, loadLocale, t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { feedText } from './feed.ts';
import type { CalendarDeps } from './port.ts';
import { keyHolds, readToken } from './token.ts';

/** Tasks a feed looks through: a community's open tasks are far fewer (the list is newest first). */
const TASK_LIMIT = 500;

/** The ports a feed reads. */
export type FeedDeps = Pick<CoreDeps, 'events' | 'campaigns' | 'tasks' | 'profiles' | 'defaultLocale' | 'now'> & {
  readonly calendar: CalendarDeps;
};

/**
 * The feed a link names, as iCalendar text; undefined (the route's 404) when the token was altered, was made
 * before the community's last `calendar reset`, or names a community that is gone. The community's feed
 * holds its events (not cancelled ones; a repeating event as the occurrences stored) and its campaigns'
 * phases and milestones, in the community's language; a person's, the events they answered Going or
 * Maybe and the due dates of their open tasks, in theirs.
 */
export async function calendarFeed(token: string, deps: FeedDeps): Promise<string | undefined> {
  const signed = await readToken(token, deps.calendar.signer);
  if (!signed) return undefined;
  const { ref } = signed;
  const source = await deps.calendar.store.feedSource(ref.tenant, ref.communityId);
  if (!source || !(await keyHolds(ref, signed.signature, source, deps.calendar.signer))) return undefined;
  const communityLocale: Locale = source.locale ?? deps.defaultLocale;
  const now = deps.now();
  const events = (await deps.events.list(ref.tenant, ref.communityId)).filter((e) => e.cancelledAt === undefined);
  if (!ref.userId) {
    await loadLocale(communityLocale);
    const campaigns = await deps.campaigns.list(ref.tenant, ref.communityId);
    return feedText({ name: source.name, events, campaigns, tasks: [] }, communityLocale, now);
  }
  const userId = ref.userId;
  const [tasks, profile] = await Promise.all([
    deps.tasks.list(ref.tenant, ref.communityId, TASK_LIMIT),
    deps.profiles.profile(ref.tenant, userId).catch(() => undefined),
  ]);
  // Their language as direct messages use it: the one they chose, else the one their platform last reported.
  const locale = profile?.locale ?? profile?.seenLocale ?? communityLocale;
  await loadLocale(locale);
  const mine = tasks.filter((task) => task.ownerId === userId && (task.status === 'proposed' || task.status === 'accepted'));
  const answered = events.filter((e) => e.going.includes(userId) || e.maybe.includes(userId));
  const name = t(locale, 'calendar.feed.mine', { community: source.name });
  return feedText({ name, events: answered, campaigns: [], tasks: mine }, locale, now);
}
