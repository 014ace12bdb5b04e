import type { Milestone, Phase } from '../../campaigns/model.ts';
import { type Locale, t } from '../../kernel/i18n/translate.ts';
import { clip } from '../../kernel/text.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** The campaign as the chart draws it: its name, phases (inclusive days), milestones and today. */
export interface CampaignRows {
  readonly name: string;
  readonly phases: readonly Phase[];
  readonly milestones: readonly Milestone[];
  /** The community's calendar day (`YYYY-MM-DD`). */
  readonly today: string;
}

const PHASE_COLORS = ['#9db9d8', '#5b8fc7', '#2f6fb0', '#1d4f86', '#7a9a5a'];
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The campaign arc: one bar per phase along the calendar, milestones as diamonds on their phase, today a line. */
export function campaignChart(rows: CampaignRows, locale: Locale): Chart {
  const names = rows.phases.map((p) => t(locale, `campaign.phase.${p.id}`));
  // Phases are whole days: a bar runs to the start of the day after its last.
  const phases = rows.phases.map((p, order) => ({ phase: names[order], start: p.start, end: nextDay(p.end), order }));
  const phaseOf = (date: string) => names[rows.phases.findIndex((p) => p.start <= date && date <= p.end)] ?? names.at(-1);
  const milestones = rows.milestones.map((m) => ({ phase: phaseOf(m.date), date: m.date, text: clip(m.text, 40) }));
  const y = { field: 'phase', type: 'nominal', sort: names, title: null };
  const today = t(locale, 'report.campaign.today');
  const spec = frame(t(locale, 'report.campaign.title', { campaign: clip(rows.name, 40) }), {
    layer: [
      {
        data: { values: phases },
        mark: { type: 'bar', cornerRadius: 4, height: { band: 0.7 } },
        encoding: {
          y,
          // Days, not instants: drawn in UTC so no machine's timezone moves them.
          x: {
            field: 'start',
            type: 'temporal',
            title: null,
            scale: { type: 'utc' },
            axis: { format: '%d.%m', formatType: 'utc', labelFontSize: 18, tickCount: 6 },
          },
          x2: { field: 'end' },
          color: { field: 'phase', type: 'nominal', scale: { domain: names, range: PHASE_COLORS }, legend: null },
        },
      },
      {
        data: { values: milestones },
        mark: { type: 'point', shape: 'diamond', size: 400, filled: true, color: CHART_COLORS.second, stroke: 'black' },
        encoding: { y, x: { field: 'date', type: 'temporal' } },
      },
      {
        data: { values: [{ date: rows.today, label: today }] },
        layer: [
          { mark: { type: 'rule', color: '#c0392b', strokeWidth: 3 }, encoding: { x: { field: 'date', type: 'temporal' } } },
          {
            mark: { type: 'text', color: '#c0392b', fontSize: 20, fontWeight: 'bold', align: 'left', dx: 6, baseline: 'top', y: 0 },
            encoding: { x: { field: 'date', type: 'temporal' }, text: { field: 'label' } },
          },
        ],
      },
    ],
  });
  const current = rows.phases.findIndex((p) => p.start <= rows.today && rows.today <= p.end);
  const list = rows.phases.map((p, i) => `${names[i]} ${p.start} – ${p.end}`).join(', ');
  const alt = t(locale, 'report.campaign.alt', {
    campaign: rows.name,
    list,
    now: current >= 0 ? (names[current] ?? '') : t(locale, 'report.campaign.outside'),
    milestones: rows.milestones.length,
  });
  return { name: 'campaign', spec, alt };
}
