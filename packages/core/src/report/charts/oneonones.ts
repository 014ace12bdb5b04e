import { type Locale, t } from '../../kernel/i18n/translate.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** One month (`YYYY-MM`) and how many one-on-ones were held in it. */
export interface OneOnOneRow {
  readonly month: string;
  readonly count: number;
}

/** A month named in the community's language: short for the axis (`Nov`, `нояб.`), with its year in the text. */
export const monthLabel = (month: string, locale: Locale, year = false): string =>
  new Intl.DateTimeFormat(locale, { month: 'short', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
    new Date(`${month}-15T00:00:00Z`),
  );

/** One-on-ones held per month, against the community's target (a dashed line across). */
export function oneOnOnesChart(rows: readonly OneOnOneRow[], target: number, locale: Locale): Chart {
  const values = rows.map((r, order) => ({ ...r, order, label: monthLabel(r.month, locale) }));
  const x = { field: 'label', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelAngle: 0 } };
  const spec = frame(t(locale, 'report.oneonones.title', { target }), {
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLORS.main, cornerRadiusEnd: 4 },
        encoding: {
          x,
          y: {
            field: 'count',
            type: 'quantitative',
            title: t(locale, 'report.oneonones.axis'),
            axis: { tickMinStep: 1 },
            scale: { domainMax: Math.max(target, ...rows.map((r) => r.count)) },
          },
        },
      },
      {
        mark: { type: 'text', dy: -14, fontSize: 20, fontWeight: 'bold' },
        encoding: { x, y: { field: 'count', type: 'quantitative' }, text: { field: 'count' } },
      },
      {
        data: { values: [{ target }] },
        mark: { type: 'rule', color: CHART_COLORS.second, strokeWidth: 3, strokeDash: [8, 6] },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
    ],
  });
  const list = rows.map((r) => `${monthLabel(r.month, locale, true)} ${r.count}`).join(', ');
  return { name: 'oneonones', spec, alt: t(locale, 'report.oneonones.alt', { target, list }) };
}
