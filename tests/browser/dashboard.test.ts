import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { launchChromium } from '../support/browser.ts';
import { testClock } from '../support/clock.ts';
import { decisionOf } from '../support/decisions.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string) => ({ channel_id: 'C1', user_id: user });
const STEP = 180_000;
const TITLE = '<script>alert(1)</script> meeting';

/** A screenshot as an image viewer reads it: its size and how many different colours it shows. */
function decoded(path: string) {
  const png = PNG.sync.read(readFileSync(path));
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
  return { width: png.width, height: png.height, colours: colours.size };
}

/**
 * The dashboard in a real headless Chromium: a leader's link (from a signed Slack request) opened on a
 * desktop and on a phone; its text read as a person sees it, its charts measured, screenshots decoded.
 */
describe('browser: the dashboard page a leader’s link opens', () => {
  let t: TestApp;
  let server: ReturnType<typeof serve>;
  let browser: Browser;
  let url = '';
  const shots = mkdtempSync(join(tmpdir(), 'organizer-dashboard-'));
  const send = sender(() => t.app);
  beforeAll(async () => {
    t = await startTestApp('browser-dashboard', { CALENDAR_SECRET: 'calendar-test-secret-0123456789abcdef' });
    let ts = 7000;
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    const startsAt = Math.floor(testClock.now().getTime() / 60_000 + 60) * 60;
    await send(
      viewSubmission(
        'event',
        { title: TITLE, length: '60m', place: 'Hall' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: startsAt } } },
      ),
    );
    const [event] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Event') as any[];
    for (const user of ['U2', 'U3'])
      await send(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId }));
    testClock.advance(2 * 3_600_000);
    await send(slashCommand(`event attended ${event.id} <@U2|a>`, as(COORDINATOR)));
    const decided = decisionOf('proposal', {
      id: 'd7',
      title: 'Paint the stairwell',
      status: 'closed',
      closedAt: testClock.now().toISOString(),
      outcome: { passed: true, winners: [], ballots: 2, eligible: 3, totals: [2, 0, 0, 0] },
    });
    await t.deps.core.decisions.create({ platform: 'slack', id: 'T0001' }, decided);
    const link = slackText((await send(slashCommand('dashboard', as(COORDINATOR)))).body).match(/http:\/\/localhost\/dashboard\/\S+/)?.[0];
    expect(link).toBeDefined();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    });
    url = (link as string).replace('http://localhost', `http://127.0.0.1:${port}`);
    browser = await launchChromium();
  }, STEP);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    await t?.stop();
  });

  /** The page opened at a viewport, with any dialog a script might open counted (there must be none). */
  async function openAt(viewport: { width: number; height: number }): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser.newPage({ viewport, locale: 'en-US', timezoneId: 'Europe/London' });
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    return { page, dialogs };
  }

  it(
    'shows the board, the decisions and every chart with a real size on a desktop, and runs nothing',
    async () => {
      const { page, dialogs } = await openAt({ width: 1280, height: 900 });
      await expect(page.locator('h1').textContent()).resolves.toBe('Green Street Tenants: dashboard');
      expect(await page.locator('#board li.stage').count()).toBe(7);
      expect(await page.locator('#board').textContent()).toContain('1. Story');
      expect(await page.locator('#decisions').textContent()).toContain('Paint the stairwell');
      // The event's title is shown as text, never run.
      expect(await page.locator('figure[data-chart="turnout"] figcaption').textContent()).toContain(TITLE);
      expect(dialogs).toEqual([]);
      const charts = page.locator('figure svg');
      expect(await charts.count()).toBeGreaterThanOrEqual(3);
      for (const chart of await charts.all()) {
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeGreaterThan(100);
      }
      const path = join(shots, 'desktop.png');
      await page.screenshot({ path, fullPage: true });
      const png = decoded(path);
      expect(png.width).toBe(1280);
      expect(png.height).toBeGreaterThan(900);
      expect(png.colours).toBeGreaterThan(10);
      await page.close();
    },
    STEP,
  );

  it(
    'fits a phone’s width: no sideways scrolling, charts scaled down to the screen',
    async () => {
      const { page } = await openAt({ width: 390, height: 844 });
      // A string, run in the page (the test itself is compiled without the DOM's types).
      const widths = (await page.evaluate('({ page: document.documentElement.scrollWidth, view: window.innerWidth })')) as {
        page: number;
        view: number;
      };
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      for (const chart of await page.locator('figure svg').all()) {
        const box = await chart.boundingBox();
        expect(box?.width).toBeGreaterThan(100);
        expect(box?.width).toBeLessThanOrEqual(390);
        expect(box?.height).toBeGreaterThan(50);
      }
      expect(await page.locator('#board').isVisible()).toBe(true);
      const path = join(shots, 'phone.png');
      await page.screenshot({ path, fullPage: true });
      const png = decoded(path);
      expect(png.width).toBe(390);
      expect(png.colours).toBeGreaterThan(10);
      await page.close();
    },
    STEP,
  );

  it('shows a plain refusal for an altered link', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const response = await page.goto(`${url.slice(0, -1)}${url.endsWith('0') ? '1' : '0'}`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('This link does not work');
    expect(await page.content()).not.toContain('Green Street');
    await page.close();
  });
});
