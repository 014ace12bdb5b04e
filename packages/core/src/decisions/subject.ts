import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { clip } from '../kernel/text.ts';
import type { Decision } from './model.ts';
import { maxOptions } from './model.ts';

/** What a stage puts forward, to prefill the proposal or poll modal (`strategy`, `campaign/<id>`, `debrief/<id>`). */
export interface SubjectDraft {
  readonly title?: string;
  readonly body?: string;
  readonly options?: readonly string[];
  /** The subject as the decision keeps it. */
  readonly subject: Decision['subject'];
}

/** A proposal's body as the modal holds it: Slack's plain-text input takes at most 3000 characters. */
const BODY = 3000;
/** A poll option's length (the create part's limit). */
const OPTION = 80;
/** Debriefs looked through for the one a subject names (as many as `next` reads). */
const DEBRIEFS = 20;

/** `strategy`, `campaign/<id>` or `debrief/<id>`, as the buttons name them; undefined for anything else. */
export function parseSubject(subject: string): { kind: 'strategy' } | { kind: 'campaign' | 'debrief'; id: string } | undefined {
  if (subject === 'strategy') return { kind: 'strategy' };
  const match = /^(campaign|debrief)\/([\w.-]{1,40})$/.exec(subject);
  return match ? { kind: match[1] as 'campaign' | 'debrief', id: match[2] as string } : undefined;
}

/** The strategy's four parts, as the strategy screen shows them (imported when asked: the strategy feature is not small). */
async function strategyDraft(community: Community, locale: Locale): Promise<SubjectDraft | undefined> {
  if (community.strategyVersion === 0) return undefined;
  const { strategyText } = await import('../strategy/handlers.ts');
  const body = strategyText(locale, community.strategy);
  if (!body) return undefined;
  return {
    title: t(locale, 'decision.stages.strategy.title'),
    body: clip(body, BODY),
    subject: { kind: 'strategy', version: community.strategyVersion },
  };
}

/** A campaign's name, goal, phases and milestones, as a plan to adopt. */
async function campaignDraft(community: Community, id: string, locale: Locale, deps: CoreDeps): Promise<SubjectDraft | undefined> {
  const campaign = await deps.campaigns.get(community.tenant, community.id, id);
  if (!campaign || campaign.phases.length === 0) return undefined;
  const { phaseName } = await import('../campaigns/handlers.ts');
  const phases = campaign.phases.map((p) =>
    t(locale, 'decision.stages.campaign.phase', { phase: phaseName(locale, p.id), start: p.start, end: p.end }),
  );
  const milestones = campaign.milestones.map((m) => t(locale, 'decision.stages.campaign.milestone', { text: m.text, date: m.date }));
  const body = [t(locale, 'decision.stages.campaign.goal', { goal: campaign.goal, end: campaign.endDate }), ...phases, ...milestones];
  return {
    title: t(locale, 'decision.stages.campaign.title', { name: campaign.name }),
    body: clip(body.join('\n'), BODY),
    subject: { kind: 'campaign', campaignId: campaign.id },
  };
}

/**
 * A debrief's next steps as a dot vote's options: the newest debrief of the campaign `id` names (or the debrief
 * with that id, for an event's or the community's own), its steps not yet handed out, as many as a dot vote holds.
 */
async function debriefDraft(community: Community, id: string, locale: Locale, deps: CoreDeps): Promise<SubjectDraft | undefined> {
  const debriefs = await deps.debriefs.list(community.tenant, community.id, DEBRIEFS);
  const debrief = debriefs.find((d) => (d.subject === `campaign.${id}` || d.id === id) && d.steps.some((s) => !s.taskId));
  if (!debrief) return undefined;
  const options = debrief.steps
    .filter((s) => !s.taskId)
    .map((s) => clip(s.text.replace(/\s+/g, ' ').trim(), OPTION))
    .filter((s, i, all) => s && all.indexOf(s) === i)
    .slice(0, maxOptions('dot'));
  return { title: t(locale, 'decision.stages.debrief.title'), options, subject: { kind: 'debrief', campaignId: id } };
}

/** The draft for a subject named in a button or modal state; undefined when it names nothing of this community. */
export async function subjectDraft(subject: string, community: Community, deps: CoreDeps): Promise<SubjectDraft | undefined> {
  const named = parseSubject(subject);
  if (!named) return undefined;
  // What the whole community will read: in its language.
  const locale = communityLocaleOf(community, deps);
  await loadLocale(locale);
  if (named.kind === 'strategy') return strategyDraft(community, locale);
  if (named.kind === 'campaign') return campaignDraft(community, named.id, locale, deps);
  return debriefDraft(community, named.id, locale, deps);
}

/**
 * After a decision closed: records a passed proposal's adoption on its subject (the strategy version it
 * proposed, a campaign's plan). A failed one records nothing. The stores' guards make a second call a no-op.
 */
export async function settleSubject(decision: Decision, community: Community, deps: CoreDeps): Promise<void> {
  const { subject, outcome } = decision;
  if (!subject || decision.kind !== 'proposal' || decision.status !== 'closed' || outcome?.passed !== true) return;
  const adoption = { decisionId: decision.id, title: decision.title, at: decision.closedAt ?? deps.now().toISOString() };
  if (subject.kind === 'strategy')
    await deps.store.adoptStrategy(community.tenant, community.id, { ...adoption, version: subject.version });
  else if (subject.kind === 'campaign') await deps.campaigns.adoptPlan(community.tenant, community.id, subject.campaignId, adoption);
}
