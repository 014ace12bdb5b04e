import { kindName, outcomeSummary } from '../decisions/log-lines.ts';
import type { Decision } from '../decisions/model.ts';
import { t } from '../kernel/i18n/translate.ts';
import { clip, firstOf } from '../kernel/text.ts';
import { nextActionText } from '../status/hints.ts';
import { computeProgress } from '../status/progress.ts';
import { dayText, escapeHtml, inlineHtml, instantText, moreHtml } from './markup.ts';
import type { DashboardView } from './page.ts';

/** Decisions and milestones the page lists at most; the rest are counted ("…and 4 more"). */
const MAX_DECISIONS = 30;
const MAX_MILESTONES = 20;

const epochOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The seven stages as `status` derives them: each with its progress, goal and checklist, and the next action. */
function boardHtml(view: DashboardView): string {
  const { locale, snapshot } = view;
  const platform = snapshot.community.tenant.platform;
  const progress = computeProgress(snapshot);
  const stages = progress.stages.map(({ stage, items, done, total, complete, marked }, i) => {
    const state = complete ? 'done' : marked ? 'marked' : done > 0 ? 'doing' : 'todo';
    const icon = complete ? '✅' : marked ? '☑️' : done > 0 ? '🟡' : '⚪';
    const status = complete
      ? t(locale, 'dashboard.stage.complete')
      : [t(locale, 'dashboard.stage.progress', { done, total }), ...(marked ? [t(locale, 'dashboard.stage.marked')] : [])].join(' · ');
    const reason = marked?.reason ? ` <q>${escapeHtml(clip(marked.reason, 200))}</q>` : '';
    const checklist = items
      .map(({ item, done: itemDone, count }) => {
        const label = t(locale, `status.item.${item.fact}`);
        const text = count ? t(locale, 'status.check.count', { item: label, ...count }) : label;
        return `<li class="${itemDone ? 'done' : 'todo'}">${escapeHtml(t(locale, itemDone ? 'status.check.done' : 'status.check.todo', { item: text }))}</li>`;
      })
      .join('');
    return [
      `<li class="stage ${state}" data-stage="${stage.id}"><div class="stage-head"><span aria-hidden="true">${icon}</span>`,
      `<strong>${i + 1}. ${escapeHtml(t(locale, stage.name))}</strong><span>${escapeHtml(status)}</span>${reason}</div>`,
      `<meter min="0" max="${total}" value="${done}">${done}/${total}</meter>`,
      `<p class="goal">${escapeHtml(t(locale, stage.goal))}</p><ul class="checklist">${checklist}</ul></li>`,
    ].join('');
  });
  const next = progress.next
    ? t(locale, 'dashboard.next', { action: nextActionText(progress.next.fact, t(locale, progress.next.key), snapshot, locale) })
    : t(locale, 'status.allDone');
  return [
    `<section id="board"><h2>${escapeHtml(t(locale, 'dashboard.stages.title'))}</h2>`,
    `<ol class="stages">${stages.join('')}</ol><p class="next">${inlineHtml(next, platform)}</p></section>`,
  ].join('');
}

/** Each chart as drawn, with its numbers as its caption (and as the drawing's accessible name). */
function chartsHtml(view: DashboardView, svgs: readonly (string | undefined)[]): string {
  const { locale } = view;
  const figures = view.charts.map((chart, i) => {
    const svg = svgs[i];
    const drawing = svg
      ? `<div role="img" aria-label="${escapeHtml(chart.alt)}">${svg}</div>`
      : `<p class="undrawn">${escapeHtml(t(locale, 'dashboard.charts.undrawn'))}</p>`;
    return `<figure data-chart="${escapeHtml(chart.name)}">${drawing}<figcaption>${escapeHtml(chart.alt)}</figcaption></figure>`;
  });
  return `<section id="charts"><h2>${escapeHtml(t(locale, 'dashboard.charts.title'))}</h2>${figures.join('')}</section>`;
}

/** The campaign's phases with their days (the current one marked) and its milestones, as text beside the chart. */
function campaignHtml(view: DashboardView): string {
  const { locale, campaign, today } = view;
  const heading = `<h2>${escapeHtml(t(locale, 'dashboard.campaign.heading'))}</h2>`;
  if (!campaign) return `<section id="campaign">${heading}<p>${escapeHtml(t(locale, 'dashboard.campaign.none'))}</p></section>`;
  const phases = campaign.phases.map((p) => {
    const current = p.start <= today && today <= p.end;
    const text = t(locale, 'dashboard.campaign.phase', {
      phase: t(locale, `campaign.phase.${p.id}`),
      start: dayText(p.start, locale),
      end: dayText(p.end, locale),
    });
    const now = current ? ` (${t(locale, 'dashboard.campaign.now')})` : '';
    return `<li${current ? ' class="now"' : ''}>${escapeHtml(text + now)}</li>`;
  });
  const { shown, more } = firstOf(
    [...campaign.milestones].sort((a, b) => a.date.localeCompare(b.date)),
    MAX_MILESTONES,
  );
  const milestones = shown.map(
    (m) => `<li>${escapeHtml(t(locale, 'dashboard.campaign.milestone', { date: dayText(m.date, locale), text: clip(m.text, 200) }))}</li>`,
  );
  return [
    `<section id="campaign">${heading}<h3>${escapeHtml(t(locale, 'dashboard.campaign.title', { campaign: clip(campaign.name, 120) }))}</h3>`,
    `<ol class="phases">${phases.join('')}</ol>`,
    milestones.length > 0
      ? `<h3>${escapeHtml(t(locale, 'dashboard.campaign.milestones'))}</h3><ul>${milestones.join('')}</ul>${moreHtml(locale, more)}`
      : '',
    '</section>',
  ].join('');
}

/** One decision: its title, kind, when it closes or closed, and its outcome (counts only, never who voted how). */
function decisionHtml(view: DashboardView, d: Decision): string {
  const { locale, zone } = view;
  const when = (epoch: number) => instantText(epoch, locale, zone);
  const state =
    d.status === 'open'
      ? t(locale, 'dashboard.decisions.open', { date: when(epochOf(d.closesAt)) })
      : d.status === 'closing'
        ? t(locale, 'dashboard.decisions.closing')
        : t(locale, 'dashboard.decisions.closed', { date: when(epochOf(d.closedAt ?? d.closesAt)) });
  const outcome = outcomeSummary(locale, d, when);
  const proposed = t(locale, 'dashboard.decisions.proposed', { date: when(epochOf(d.createdAt)) });
  return [
    `<li class="decision ${d.status}"><strong>${escapeHtml(clip(d.title, 160))}</strong> <span class="meta">${escapeHtml(kindName(locale, d.kind))}</span>`,
    `<br><span>${escapeHtml(state)}</span>${outcome ? `<br><span class="outcome">${escapeHtml(outcome)}</span>` : ''}`,
    `<br><span class="meta">${escapeHtml(proposed)}</span></li>`,
  ].join('');
}

/** The decision log: open ones first, then the closed, newest first; shortened with how many more. */
function decisionsHtml(view: DashboardView): string {
  const { locale } = view;
  const heading = `<h2>${escapeHtml(t(locale, 'dashboard.decisions.title'))}</h2>`;
  if (view.decisions.length === 0)
    return `<section id="decisions">${heading}<p>${escapeHtml(t(locale, 'dashboard.decisions.none'))}</p></section>`;
  const { shown, more } = firstOf(view.decisions, MAX_DECISIONS);
  const items = shown.map((d) => decisionHtml(view, d)).join('');
  return `<section id="decisions">${heading}<ol class="decisions">${items}</ol>${moreHtml(locale, more)}</section>`;
}

/** The page's four sections, in the order a leader looks: the board, the charts, the campaign, the decisions. */
export function dashboardSections(view: DashboardView, svgs: readonly (string | undefined)[]): string {
  return boardHtml(view) + chartsHtml(view, svgs) + campaignHtml(view) + decisionsHtml(view);
}
