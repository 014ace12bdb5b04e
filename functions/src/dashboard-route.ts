import { type CoreDeps, dashboardHtml, dashboardView, type Locale, loadLocale, preferredLocale, refusalHtml } from '@organizer/core';
import type { Hono } from 'hono';

/**
 * Nothing of a private page is kept or passed on: no cache anywhere, no `Referer` to the sites its links
 * lead to, no search engine's index; no script runs (Vega's SVG and our markup need none).
 */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'private, no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

const page = (html: string, status: number) => new Response(html, { status, headers: PAGE_HEADERS });

/**
 * `GET /dashboard/<token>`: a leader's read-only page of their community (see core's dashboard/page.ts).
 * A refused link (altered 403; expired, reset or gone 410) gets a plain page in the browser's language,
 * nothing of any community. The charts are drawn here as SVG by Vega, imported on the first page only.
 */
export function mountDashboard(app: Hono, deps: { readonly core: CoreDeps }): void {
  app.get('/dashboard/:token', async (c) => {
    const locale: Locale = preferredLocale(c.req.header('accept-language')) ?? deps.core.defaultLocale;
    await loadLocale(locale);
    const { calendar } = deps.core;
    // Without a signer no link was ever made here: every token is one we cannot trust.
    if (!calendar) return page(refusalHtml(locale, 'altered'), 403);
    const result = await dashboardView(c.req.param('token'), { ...deps.core, calendar });
    if (result.kind === 'refused') return page(refusalHtml(locale, result.reason), result.status);
    const { chartSvgs } = await import('./dashboard-svg.ts');
    const svgs = await chartSvgs(result.view.charts.map((chart) => chart.spec));
    return page(dashboardHtml(result.view, svgs), 200);
  });
}
