import { type Locale, t, tn } from '../../kernel/i18n/translate.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** One rung of the ladder and how many people stand on it. */
export interface LadderRow {
  readonly rung: string;
  readonly count: number;
}

/**
 * The ladder of engagement as a funnel: one centred bar per rung, lowest rung on top, its width the
 * number of people on it, labelled with that number.
 */
export function ladderChart(rows: readonly LadderRow[], locale: Locale): Chart {
  const people = rows.reduce((sum, r) => sum + r.count, 0);
  const values = rows.map((r, order) => ({ ...r, order }));
  const y = { field: 'rung', type: 'nominal', sort: { field: 'order' }, title: null };
  const spec = frame(tn(locale, 'report.ladder.title', people), {
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLORS.main, cornerRadius: 4 },
        encoding: {
          y,
          // Centred stacking draws the funnel: each bar spreads evenly either side of the middle.
          x: { field: 'count', type: 'quantitative', stack: 'center', axis: null, title: t(locale, 'report.ladder.axis') },
        },
      },
      {
        mark: { type: 'text', fontSize: 24, fontWeight: 'bold', color: 'black', dy: 0 },
        encoding: { y, text: { field: 'count', type: 'quantitative' } },
      },
    ],
  });
  const list = rows.map((r) => t(locale, 'report.ladder.item', { rung: r.rung, count: r.count })).join(', ');
  return { name: 'ladder', spec, alt: t(locale, 'report.ladder.alt', { list }) };
}
