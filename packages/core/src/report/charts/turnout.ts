import { type Locale, t, tn } from '../../kernel/i18n/translate.ts';
import { linesWithMore } from '../../kernel/list-more.ts';
import { clip } from '../../kernel/text.ts';
import { CHART_COLORS, type Chart, frame } from './frame.ts';

/** One event: how many said they were going and how many came. */
export interface TurnoutRow {
  readonly event: string;
  readonly going: number;
  readonly attended: number;
}

/** Event names on the axis: short enough to stay readable under a bar on a phone. */
const EVENT_LABEL = 24;
/** Events drawn at most (the newest); the text names how many more there were. */
export const TURNOUT_MAX = 8;

/** Event turnout: for each event, "going" beside "came", side by side. */
export function turnoutChart(rows: readonly TurnoutRow[], locale: Locale): Chart {
  const shown = rows.slice(-TURNOUT_MAX);
  const going = t(locale, 'report.turnout.going');
  const came = t(locale, 'report.turnout.attended');
  // Two events may share a title: the axis keys on the position, the label shows the title.
  const values = shown.flatMap((r, order) => [
    { key: String(order), event: clip(r.event, EVENT_LABEL), measure: going, count: r.going, order },
    { key: String(order), event: clip(r.event, EVENT_LABEL), measure: came, count: r.attended, order },
  ]);
  const labels = Object.fromEntries(shown.map((r, i) => [String(i), clip(r.event, EVENT_LABEL)]));
  const spec = frame(tn(locale, 'report.turnout.title', rows.length), {
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 4 },
    encoding: {
      x: {
        field: 'key',
        type: 'nominal',
        sort: { field: 'order' },
        title: null,
        axis: { labelAngle: shown.length > 4 ? -30 : 0, labelExpr: `${JSON.stringify(labels)}[datum.value]` },
      },
      xOffset: { field: 'measure', sort: [going, came] },
      y: { field: 'count', type: 'quantitative', title: t(locale, 'report.turnout.axis'), axis: { tickMinStep: 1 } },
      color: { field: 'measure', scale: { domain: [going, came], range: [CHART_COLORS.muted, CHART_COLORS.main] } },
    },
  });
  const items = rows.map((r) => t(locale, 'report.turnout.item', { event: clip(r.event, 60), going: r.going, attended: r.attended }));
  const list = linesWithMore(locale, items, { max: TURNOUT_MAX, separator: '; ', budget: 600, last: true });
  return { name: 'turnout', spec, alt: t(locale, 'report.turnout.alt', { list }) };
}
