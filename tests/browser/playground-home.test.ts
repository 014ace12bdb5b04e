import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, startPlayground } from '../support/browser.ts';
import { allItems } from '../support/table.ts';

type Playground = Awaited<ReturnType<typeof startPlayground>>;
/** What the test reads of an <img> in the page: whether it loaded, and its decoded width. */
type Img = { complete: boolean; naturalWidth: number };
type Call = { n: number; platform: string; method: string; body: any; answer?: any };

/** Work the app hands to its outbox (a Home, a chart) reaches the page a little after the answer. */
const SOON = { timeout: 20_000, interval: 250 };
/** A link code; the message's text runs its lines together, so the code is the first such group, unbounded. */
const CODE = /([0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5})/;

/**
 * What Organizer draws besides messages, as the platforms would show it in the playground: a person's Slack
 * Home tab with working buttons, the report's charts as pictures, links, and two linked places side by side.
 */
describe('browser playground: Home tab, pictures, links, two places side by side', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const endpoint = inject('dynamoEndpoint');
  beforeAll(async () => {
    playground = await startPlayground('playground-home', endpoint);
    browser = playground.browser;
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await playground?.stop();
  });

  const url = () => playground.server.url;
  const shot = (p: Page, name: string) => p.screenshot({ path: join(artifactsDir, `playground-home-${name}.png`), fullPage: true });
  const calls = () => playground.calls<Call>();
  const rows = async (entity: string) =>
    (await allItems(playground.db, playground.tableName)).filter((item) => item.entity === entity) as Record<string, any>[];
  /** Types a command into a composer (of the page or of one side) and waits for one more message there. */
  const command = async (where: Page | FrameLocator, text: string) => {
    const count = await where.getByTestId('message').count();
    await where.getByTestId('command').fill(text);
    await where.getByTestId('command').press('Enter');
    await where.getByTestId('message').nth(count).waitFor();
    return where.getByTestId('message').nth(count);
  };

  it('Slack: Ben opens his Home tab (a signed app_home_opened), sees the task offered to him, accepts it there, then Done redraws the Home', async () => {
    await page.goto(`${url()}/`);
    await page.selectOption('#channel', { label: '#organizing' });
    await command(page, 'setup Green Street Tenants');
    await page.getByTestId('command').pressSequentially('task @Be');
    await page.getByTestId('suggestion').filter({ hasText: '@Ben' }).click();
    await page.getByTestId('command').pressSequentially('Print the flyers');
    const count = await page.getByTestId('message').count();
    await page.getByTestId('command').press('Enter');
    await page.getByTestId('message').nth(count).waitFor();
    await expect.poll(async () => (await rows('Task')).map((task) => task.title), SOON).toEqual(['Print the flyers']);

    await page.selectOption('#user', { label: 'Ben' });
    const event = page.waitForRequest((r) => r.url().endsWith('/slack/events') && (r.postData() ?? '').includes('app_home_opened'));
    await page.getByTestId('tab-home').click();
    const opened = JSON.parse((await event).postData() ?? '{}');
    expect(opened).toMatchObject({
      type: 'event_callback',
      team_id: 'TPLAYGREEN',
      event: { type: 'app_home_opened', user: 'UPLAYBEN', tab: 'home' },
    });
    // The composer belongs to the channel: the Home has none.
    expect(await page.getByTestId('command').isVisible()).toBe(false);
    const home = page.getByTestId('home-view');
    await expect.poll(async () => (await home.textContent().catch(() => '')) ?? '', SOON).toContain('Print the flyers');
    const published = (await calls()).filter((c) => c.method === 'views.publish' && c.body.user_id === 'UPLAYBEN');
    expect(published.length).toBeGreaterThan(0);
    await shot(page, '1-home-offer');

    const click = page.waitForRequest((r) => r.url().endsWith('/slack/events') && (r.postData() ?? '').includes('block_actions'));
    await home.locator('button[data-action^="task:accept:"]').click();
    const payload = JSON.parse(new URLSearchParams((await click).postData() ?? '').get('payload') ?? '{}');
    // Slack's Home click: the view, no channel, no message, no response_url.
    expect(payload).toMatchObject({ type: 'block_actions', container: { type: 'view' }, view: { type: 'home', team_id: 'TPLAYGREEN' } });
    expect(payload.view.id).toBe(published.at(-1)?.answer?.view?.id);
    expect(payload.channel).toBeUndefined();
    expect(payload.response_url).toBeUndefined();
    const done = home.locator('button[data-action^="task:done:"]');
    await done.waitFor(SOON);
    expect((await rows('Task'))[0]?.status).toBe('accepted');

    await done.click();
    await expect.poll(async () => (await rows('Task'))[0]?.status, SOON).toBe('done');
    // The Home is drawn again from what Organizer published: the task has no Done button any more.
    await expect.poll(() => page.getByTestId('home-view').locator('button[data-action^="task:done:"]').count(), SOON).toBe(0);
    await shot(page, '2-home-done');
    // The page's own words in the reader's language, the Home's own as Organizer drew them.
    await page.selectOption('#language', 'ru');
    expect(await page.getByTestId('tab-home').textContent()).toBe('Главная');
    expect(await page.getByTestId('home').locator('.who').first().textContent()).toBe('Вкладка «Главная» Organizer глазами: Ben');
    await page.selectOption('#language', 'en');

    await page.getByTestId('tab-channel').click();
    expect(await page.getByTestId('command').isVisible()).toBe(true);
  });

  it('shows a link in a reply as a link that opens in a new tab (the calendar feeds)', async () => {
    await page.selectOption('#user', { label: 'Ana' });
    const reply = await command(page, 'me calendar');
    const links = reply.locator('a[href*="/calendar/"]');
    await expect.poll(() => links.count(), SOON).toBeGreaterThan(0);
    expect(await links.first().getAttribute('target')).toBe('_blank');
    expect(await links.first().getAttribute('rel')).toBe('noopener');
    const href = (await links.first().getAttribute('href')) ?? '';
    // The whole URL and nothing after it: the feed it names is served.
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/\S+$/);
    expect((await fetch(href)).status).toBe(200);
  });

  it('Slack: the report’s charts are uploaded to the sandbox and shown as pictures with their alt text', async () => {
    await command(page, 'report');
    const picture = page.locator('#log [data-testid="picture"]').first();
    await picture.waitFor(SOON);
    await expect
      .poll(() => picture.evaluate((img) => (img as unknown as Img).complete && (img as unknown as Img).naturalWidth), SOON)
      .toBeGreaterThan(0);
    expect((await picture.getAttribute('alt'))?.length).toBeGreaterThan(10);
    const uploads = (await calls()).filter((c) => c.method === 'file_upload');
    expect(uploads.length).toBeGreaterThan(0);
    const src = (await picture.getAttribute('src')) ?? '';
    const served = await fetch(src);
    expect(served.headers.get('content-type')).toBe('image/png');
    // A PNG's signature: the bytes Organizer uploaded are the bytes shown.
    expect([...new Uint8Array(await served.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await picture.scrollIntoViewIfNeeded();
    await shot(page, '3-report');
  });

  it('side by side: a Slack channel links, a Discord channel joins with the code, the news shows in both, and the Discord report shows its charts', async () => {
    await page.goto(`${url()}/?side=1`);
    const slack = page.frameLocator('[data-testid="side-slack"]');
    const discord = page.frameLocator('[data-testid="side-discord"]');
    await slack.getByTestId('command').waitFor();
    await discord.getByTestId('command').waitFor();
    expect(await slack.locator('#platform').inputValue()).toBe('slack');
    expect(await discord.locator('#platform').inputValue()).toBe('discord');
    expect(await discord.locator('#channel option:checked').textContent()).toBe('#organizing');

    const linked = (await (await command(slack, 'link')).textContent()) ?? '';
    const code = CODE.exec(linked)?.[1];
    expect(code, linked).toMatch(CODE);
    await command(discord, `link join code:${code}`);
    await expect.poll(async () => (await rows('PlaceLink')).length, SOON).toBe(1);
    // The community's news reaches both channels, each drawn as its platform draws it.
    const news = (side: FrameLocator) => side.locator('#log [data-testid="message"]').filter({ hasText: 'two places' });
    await expect.poll(() => news(slack).count(), SOON).toBe(1);
    await expect.poll(() => news(discord).count(), SOON).toBe(1);
    await shot(page, '4-side-by-side');

    await command(discord, 'report');
    const picture = discord.locator('#log [data-testid="picture"]').first();
    await picture.waitFor(SOON);
    await expect
      .poll(() => picture.evaluate((img) => (img as unknown as Img).complete && (img as unknown as Img).naturalWidth), SOON)
      .toBeGreaterThan(0);
    expect((await picture.getAttribute('alt'))?.length).toBeGreaterThan(10);
    const attached = (await calls()).filter((c) => c.platform === 'discord' && (c.body.attachments ?? []).length > 0);
    expect(attached[0]?.body.attachments[0]).toMatchObject({ content_type: 'image/png', filename: expect.stringMatching(/\.png$/) });
    await shot(page, '5-side-report');
  });
});
