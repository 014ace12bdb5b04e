import { type Locale, t } from '../../kernel/i18n/translate.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** One week (its Monday, `YYYY-MM-DD`) and how many people answered a stand-up in it. */
export interface StandupRow {
  readonly week: string;
  readonly people: number;
}

/** A week named by its Monday in the community's language (`Nov 23`, `23 нояб.`). */
export const weekLabel = (week: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${week}T00:00:00Z`));

/** Stand-up participation: for each week, how many different people answered. */
export function standupsChart(rows: readonly StandupRow[], locale: Locale): Chart {
  const values = rows.map((r, order) => ({ ...r, order, label: weekLabel(r.week, locale) }));
  const x = {
    field: 'label',
    type: 'ordinal',
    sort: { field: 'order' },
    title: t(locale, 'report.standups.week'),
    axis: { labelAngle: 0 },
  };
  const y = { field: 'people', type: 'quantitative', title: t(locale, 'report.standups.axis'), axis: { tickMinStep: 1 } };
  const spec = frame(t(locale, 'report.standups.title'), {
    data: { values },
    layer: [
      { mark: { type: 'bar', color: CHART_COLORS.main, cornerRadiusEnd: 4 }, encoding: { x, y } },
      { mark: { type: 'text', dy: -14, fontSize: 20, fontWeight: 'bold' }, encoding: { x, y, text: { field: 'people' } } },
    ],
  });
  const list = values.map((v) => `${v.label} ${v.people}`).join(', ');
  return { name: 'standups', spec, alt: t(locale, 'report.standups.alt', { list }) };
}
