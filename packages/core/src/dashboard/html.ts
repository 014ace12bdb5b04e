import { type Locale, t } from '../kernel/i18n/translate.ts';
import { clip } from '../kernel/text.ts';
import { escapeHtml, instantText } from './markup.ts';
import type { DashboardView, RefusalReason } from './page.ts';
import { dashboardSections } from './sections.ts';

/** Readable on a phone first: one column, system fonts, charts scaled to the screen's width. */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2733;background:#f4f6f9}
main{max-width:960px;margin:0 auto;padding:16px}h1{font-size:1.6rem;margin:.2em 0}h2{font-size:1.25rem;margin:1.2em 0 .5em}
section{background:#fff;border-radius:12px;padding:12px 16px;margin:12px 0;box-shadow:0 1px 3px #0002}
.lead,.expires,footer{color:#4a5868;font-size:.95rem}ol,ul{padding-left:1.2em}
.stages{list-style:none;padding:0;margin:0}.stage{border-top:1px solid #e3e8ee;padding:10px 0}.stage:first-child{border-top:0}
.stage-head{display:flex;flex-wrap:wrap;gap:.4em;align-items:baseline}.stage meter{width:100%;height:12px}
.goal{margin:.2em 0;color:#4a5868}.checklist{list-style:none;padding:0;margin:.2em 0;display:flex;flex-wrap:wrap;gap:.3em .9em}
.next{font-weight:600}figure{margin:12px 0}figure svg{max-width:100%;height:auto;display:block}
figcaption{font-size:.9rem;color:#4a5868}.now{font-weight:600}.decisions li{margin:.5em 0}.meta{color:#4a5868;font-size:.9rem}
code{background:#eef1f5;border-radius:4px;padding:0 .25em}
`;

/** The document around a page's sections; `lang` is the page's language, so screen readers speak it right. */
function documentHtml(locale: Locale, title: string, body: string): string {
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>${body}</main></body></html>`,
  ].join('');
}

/**
 * The dashboard as one HTML document: no script, every text of the community escaped. `svgs[i]` is chart
 * i as drawn by the route (Vega's own SVG, its texts escaped by Vega), or undefined when it could not be
 * drawn: its numbers (the alt text) are always there beside it.
 */
export function dashboardHtml(view: DashboardView, svgs: readonly (string | undefined)[]): string {
  const { locale, snapshot } = view;
  const { community } = snapshot;
  const name = clip(community.name, 120);
  const title = t(locale, 'dashboard.page.title', { community: name });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: view.zone }).format(view.now);
  const vision = community.story.vision ? clip(community.story.vision, 300) : undefined;
  const header = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="lead">${escapeHtml(t(locale, 'dashboard.page.lead', { date }))}</p>`,
    vision ? `<p class="vision">${escapeHtml(t(locale, 'dashboard.page.vision', { vision }))}</p>` : '',
    `<p class="expires">${escapeHtml(t(locale, 'dashboard.page.expires', { until: instantText(view.expiresAt, locale, view.zone) }))}</p>`,
    '</header>',
  ].join('');
  const footer = `<footer><p>${escapeHtml(t(locale, 'dashboard.footer'))}</p></footer>`;
  return documentHtml(locale, title, header + dashboardSections(view, svgs) + footer);
}

/** The plain page a refused link shows, in the browser's language: what happened and what to do, nothing of any community. */
export function refusalHtml(locale: Locale, reason: RefusalReason): string {
  const title = t(locale, 'dashboard.refused.title');
  const body = `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(t(locale, `dashboard.refused.${reason}`))}</p></section>`;
  return documentHtml(locale, title, body);
}
