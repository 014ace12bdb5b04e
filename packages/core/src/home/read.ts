import type { CommunitySnapshot } from '../community/facts.ts';
import type { Community, Tenant } from '../community/model.ts';
import type { Decision } from '../decisions/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Member } from '../members/model.ts';
import { type Offer, offerId } from '../roles/offers.ts';
import type { StandupRun, StandupSchedule } from '../standup/model.ts';
import { participantsOf, runId } from '../standup/model.ts';
import type { Task } from '../tasks/model.ts';

/** Communities one Home view shows at most (a workspace has one, normally): each costs a handful of reads. */
export const COMMUNITIES_MAX = 5;
/** Tasks read per community: as many as the tasks list reads. */
const TASKS_READ = 100;

/** Today's stand-up of one schedule the person takes part in: the run once it went out. */
export interface StandupToday {
  readonly schedule: StandupSchedule;
  readonly date: string;
  readonly run?: StandupRun;
}

/** What one community holds for the person, read in one go. */
export interface CommunityHome {
  readonly snapshot: CommunitySnapshot;
  /** Coordinator or a role lead (a job cannot ask the platform about admins). */
  readonly leader: boolean;
  readonly tasks: readonly Task[];
  readonly offers: readonly Offer[];
  readonly standups: readonly StandupToday[];
  readonly events: readonly CommunityEvent[];
  readonly decisions: readonly Decision[];
  /** Leaders only: member records, for who is ready for a next ask. */
  readonly members?: readonly Member[];
}

/** Everything a Home view shows: the person's language and each of the tenant's communities. */
export interface HomeData {
  readonly locale: Locale;
  readonly communities: readonly CommunityHome[];
  /** The id the communities know the person by (at a community's home, the first account they linked). */
  readonly knownAs?: string;
}

/**
 * The tenant's communities and the id each knows the person by: a direct-message id is no home channel, so
 * the lookup finds the only one, or lists them all. A workspace that is a place of a community elsewhere
 * shows that community, read at its home through the place's pointer (with the person's alias beside it,
 * when they linked their accounts: the home knows them by their first account).
 */
async function communitiesOf(deps: CoreDeps, tenant: Tenant, userId: string): Promise<{ snapshots: CommunitySnapshot[]; knownAs: string }> {
  const found = await deps.store.lookup(tenant, userId);
  if (found.kind === 'found') return { snapshots: [found.snapshot], knownAs: userId };
  if (found.kind === 'none') return { snapshots: [], knownAs: userId };
  if (found.kind === 'linked') {
    const [arrived, atHome] = await Promise.all([
      deps.links.arrival(tenant, userId),
      deps.store.lookup(found.link.home.tenant, found.link.home.communityId),
    ]);
    const snapshots = atHome.kind === 'found' ? [atHome.snapshot] : [];
    return { snapshots, knownAs: arrived?.primary ?? userId };
  }
  const each = await Promise.all(found.homeChannelIds.slice(0, COMMUNITIES_MAX).map((id) => deps.store.lookup(tenant, id)));
  return { snapshots: each.flatMap((one) => (one.kind === 'found' ? [one.snapshot] : [])), knownAs: userId };
}

const leads = (community: Community, userId: string) =>
  community.coordinatorId === userId || community.roles.some((role) => role.leadId === userId);

/**
 * Role offers waiting for the person: their ids follow from the role and the person, so the open offers'
 * due items (one Query) say which exist, and only those are read.
 */
async function offersFor(deps: CoreDeps, community: Community, userId: string, nowSeconds: number): Promise<Offer[]> {
  const mine = new Set(community.roles.flatMap((role) => [offerId(role.id, userId, true), offerId(role.id, userId, false)]));
  if (mine.size === 0) return [];
  const due = await deps.due.list(community.tenant, community.id, 'offer', '');
  const open = due.filter((item) => mine.has(item.ref));
  const offers = await Promise.all(open.map((item) => deps.offers.get(community.tenant, community.id, item.ref, nowSeconds)));
  return offers.filter((offer): offer is Offer => offer?.userId === userId);
}

/** Today's run of each stand-up the person takes part in (the date in the stand-up's own zone). */
async function standupsFor(deps: CoreDeps, community: Community, userId: string, now: Date): Promise<StandupToday[]> {
  const schedules = (await deps.standups.schedules(community.tenant, community.id)).filter((s) =>
    participantsOf(s, community).includes(userId),
  );
  if (schedules.length === 0) return [];
  // The timezone database is loaded only for someone who has a stand-up.
  const { localDateOf } = await import('../kernel/schedule.ts');
  return Promise.all(
    schedules.map(async (schedule) => {
      const date = localDateOf(now, schedule.zone);
      const run = await deps.standups.run(community.tenant, community.id, runId(date, schedule.id));
      return { schedule, date, ...(run ? { run } : {}) };
    }),
  );
}

/**
 * One community's items for the person, read in parallel. `leader`: whether they see the leaders' part; by
 * default the coordinator and role leads (a request, which can ask the platform, passes admins too).
 */
export async function communityHome(
  deps: CoreDeps,
  snapshot: CommunitySnapshot,
  userId: string,
  now: Date,
  leader = leads(snapshot.community, userId),
): Promise<CommunityHome> {
  const { community } = snapshot;
  const { tenant } = community;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const [tasks, offers, standups, events, decisions, members] = await Promise.all([
    deps.tasks.list(tenant, community.id, TASKS_READ),
    offersFor(deps, community, userId, nowSeconds),
    standupsFor(deps, community, userId, now),
    deps.events.list(tenant, community.id),
    deps.decisions.list(tenant, community.id),
    leader ? deps.members.members(tenant, community.id) : Promise.resolve(undefined),
  ]);
  return { snapshot, leader, tasks, offers, standups, events, decisions, ...(members ? { members } : {}) };
}

/** Reads what a person's Home view shows: their profile, the tenant's communities, and each one's items, in parallel. */
export async function readHome(deps: CoreDeps, tenant: Tenant, userId: string): Promise<HomeData> {
  const now = deps.now();
  const [profile, { snapshots, knownAs }] = await Promise.all([
    deps.profiles.profile(tenant, userId).catch(() => undefined),
    communitiesOf(deps, tenant, userId),
  ]);
  const communities = await Promise.all(snapshots.map((snapshot) => communityHome(deps, snapshot, knownAs, now)));
  const locale = profile?.locale ?? profile?.seenLocale ?? snapshots[0]?.community.locale ?? deps.defaultLocale;
  await loadLocale(locale);
  return { locale, communities, knownAs };
}
