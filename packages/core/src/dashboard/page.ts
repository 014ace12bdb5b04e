import type { CalendarDeps } from '../calendar/port.ts';
import type { Campaign } from '../campaigns/model.ts';
import type { CommunitySnapshot } from '../community/facts.ts';
import { communityZone } from '../community/model.ts';
import type { Decision } from '../decisions/model.ts';
import { type Locale, loadLocale } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Chart } from '../report/charts/frame.ts';
import { localDay, REPORT_WEEKS, reportCharts } from '../report/data.ts';
import { dashboardKeyHolds, readDashboardToken } from './token.ts';

/** Stand-up answers read at most, as the report reads them. */
const ANSWERS_READ = 5000;

/** The ports the page reads. */
export type DashboardDeps = Pick<
  CoreDeps,
  'store' | 'members' | 'events' | 'oneOnOnes' | 'standups' | 'campaigns' | 'decisions' | 'defaultLocale' | 'now'
> & { readonly calendar: CalendarDeps };

/**
 * Why a link shows nothing: altered (nothing was read) or revoked (its second signature fails: altered there,
 * or made before a leader reset the links, which cannot be told apart), 403; expired or its community gone, 410.
 */
export type RefusalReason = 'altered' | 'revoked' | 'expired' | 'gone';

/** What the page shows: only what `status`, `report` and the decision log already show to the community. */
export interface DashboardView {
  readonly locale: Locale;
  readonly zone: string;
  readonly now: Date;
  /** Epoch seconds the link stops working. */
  readonly expiresAt: number;
  readonly snapshot: CommunitySnapshot;
  readonly charts: readonly Chart[];
  readonly campaign?: Pick<Campaign, 'name' | 'phases' | 'milestones'>;
  /** The community's calendar day (`YYYY-MM-DD`), for the campaign's current phase. */
  readonly today: string;
  /** Open ones first, then the closed, each newest first. */
  readonly decisions: readonly Decision[];
}

export type DashboardResult =
  | { readonly kind: 'refused'; readonly status: 403 | 410; readonly reason: RefusalReason }
  | { readonly kind: 'page'; readonly view: DashboardView };

const refused = (reason: RefusalReason): DashboardResult => ({
  kind: 'refused',
  status: reason === 'altered' || reason === 'revoked' ? 403 : 410,
  reason,
});
const isOpen = (d: Decision) => d.status !== 'closed';

/**
 * The dashboard a token names. An altered token is refused before any read (its first signature covers
 * the tenant, the community and the expiry, so no byte of it can be changed to show another community or
 * a later day); then one read of the community's name, language and key, whose second signature ends
 * links made before a `calendar reset`; then the expiry. Only then the community's rows,
 * of which the page keeps counts, titles and dates: one-on-ones and stand-up answers are reduced to their
 * dates and authors here, so their notes and texts never reach the page.
 */
export async function dashboardView(token: string, deps: DashboardDeps): Promise<DashboardResult> {
  const read = await readDashboardToken(token, deps.calendar.signer);
  if (!read) return refused('altered');
  const { ref, signature } = read;
  const source = await deps.calendar.store.feedSource(ref.tenant, ref.communityId);
  if (!source) return refused('gone');
  // Checked before the expiry, so a changed byte anywhere is refused as changed, however old the link.
  if (!(await dashboardKeyHolds(ref, signature, source, deps.calendar.signer))) return refused('revoked');
  const now = deps.now();
  if (now.getTime() >= ref.expiresAt * 1000) return refused('expired');
  const found = await deps.store.lookup(ref.tenant, ref.communityId);
  if (found.kind !== 'found' || found.snapshot.community.id !== ref.communityId) return refused('gone');
  const { snapshot } = found;
  const { community } = snapshot;
  const locale: Locale = community.locale ?? deps.defaultLocale;
  await loadLocale(locale);
  const zone = communityZone(community);
  const since = localDay(new Date(now.getTime() - (REPORT_WEEKS + 1) * 7 * 86_400_000), zone);
  const current = community.campaign;
  const [members, events, oneOnOnes, answers, campaign, decisions] = await Promise.all([
    deps.members.members(ref.tenant, community.id),
    deps.events.list(ref.tenant, community.id),
    deps.oneOnOnes.all(ref.tenant, community.id),
    deps.standups.answersBetween(ref.tenant, community.id, since, '9999-99-99', ANSWERS_READ),
    current ? deps.campaigns.get(ref.tenant, community.id, current.id) : undefined,
    deps.decisions.list(ref.tenant, community.id),
  ]);
  const rows = {
    snapshot,
    members,
    events,
    oneOnOnes: oneOnOnes.map((o) => ({ date: o.date })),
    answers: answers.map((a) => ({ userId: a.userId, at: a.at })),
    ...(campaign ? { campaign } : {}),
  };
  const sorted = [...decisions].sort(
    (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
  return {
    kind: 'page',
    view: {
      locale,
      zone,
      now,
      expiresAt: ref.expiresAt,
      snapshot,
      charts: reportCharts(rows, now, zone, locale),
      ...(campaign ? { campaign: { name: campaign.name, phases: campaign.phases, milestones: campaign.milestones } } : {}),
      today: localDay(now, zone),
      decisions: sorted,
    },
  };
}
