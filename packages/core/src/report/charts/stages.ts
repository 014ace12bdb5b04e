import { type Locale, t } from '../../kernel/i18n/translate.ts';
import type { StageProgress } from '../../status/progress.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** One stage as the chart draws it. */
export interface StageRow {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** The seven stages' progress (status's own computation) as chart rows, named in the community's language. */
export const stageRows = (progress: readonly StageProgress[], locale: Locale): StageRow[] =>
  progress.map((p) => ({ stage: t(locale, p.stage.name), done: p.done, total: p.total }));

/** The seven stages: one bar per stage, how much of its checklist is done (a percentage, labelled "done/total"). */
export function stagesChart(rows: readonly StageRow[], locale: Locale): Chart {
  const values = rows.map((r, order) => ({
    ...r,
    order,
    percent: r.total > 0 ? Math.round((r.done / r.total) * 100) : 0,
    label: `${r.done}/${r.total}`,
  }));
  const y = { field: 'stage', type: 'nominal', sort: { field: 'order' }, title: null };
  const spec = frame(t(locale, 'report.stages.title'), {
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLORS.muted, cornerRadiusEnd: 4 },
        encoding: { y, x: { datum: 100, type: 'quantitative' } },
      },
      {
        mark: { type: 'bar', color: CHART_COLORS.main, cornerRadiusEnd: 4 },
        encoding: {
          y,
          x: { field: 'percent', type: 'quantitative', scale: { domain: [0, 100] }, title: t(locale, 'report.stages.axis') },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 20, fontWeight: 'bold' },
        encoding: { y, x: { field: 'percent', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  const list = rows.map((r) => t(locale, 'report.stages.item', { stage: r.stage, done: r.done, total: r.total })).join(', ');
  return { name: 'stages', spec, alt: t(locale, 'report.stages.alt', { list }) };
}
