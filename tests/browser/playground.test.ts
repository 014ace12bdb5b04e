import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, startPlayground } from '../support/browser.ts';
import { allItems } from '../support/table.ts';

type Playground = Awaited<ReturnType<typeof startPlayground>>;

type Server = Playground['server'];
type Call = { n: number; method: string; body: any; answer?: any };

const READER_ZONE = 'Asia/Tokyo';
const VIEWPORT_HEIGHT = 860;
/** Work the app hands to its outbox reaches the page a little after the answer. */
const SOON = { timeout: 15_000, interval: 200 };

/**
 * The playground as a new user meets it: `npm start` with no settings at all (no Slack or Discord app),
 * open the page, run commands, fill a modal, see the answers, in a real headless Chromium.
 * Screenshots land in test-artifacts/.
 */
describe('browser playground', () => {
  let server: Server;
  let browser: Browser;
  let playground: Playground;
  let db: Playground['db'];
  let tableName: string;
  let page: Page;
  const endpoint = inject('dynamoEndpoint');
  beforeAll(async () => {
    // The run's DynamoDB Local instead of a second one; nothing else is configured.
    playground = await startPlayground('playground', endpoint);
    ({ server, browser, db, tableName } = playground);
    // A reader far from the server's zone: dates must show in the reader's own time.
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US', timezoneId: READER_ZONE });
  });
  afterAll(async () => {
    await playground?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `playground-${name}.png`), fullPage: true });
  const command = async (text: string) => {
    const before = await page.getByTestId('message').count();
    await page.getByTestId('command').fill(text);
    await page.getByTestId('command').press('Enter');
    return before;
  };
  const lastMessage = () => page.getByTestId('message').last();
  const calls = () => playground.calls<Call>();
  /** Fills every field of the open modal that is still empty. */
  const fillModal = async (text: string) => {
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    for (const field of await modal.locator('textarea, input').all()) if (!(await field.inputValue())) await field.fill(text);
    return modal;
  };
  const withButton = (prefix: string) => page.getByTestId('message').filter({ has: page.locator(`button[data-action^="${prefix}"]`) });

  it('runs setup and status, opens the story modal, submits it, and status shows the change (Slack)', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).toBe('Organizer playground');
    expect(await page.locator('#space option:checked').textContent()).toBe('Green Street Tenants');
    await page.selectOption('#channel', { label: '#organizing' });
    await shot('1-open');

    const before = await command('setup Green Street Tenants');
    await page.getByTestId('message').nth(before).waitFor();
    expect(await lastMessage().textContent()).toContain('Green Street Tenants');

    let count = await command('status');
    await page.getByTestId('message').nth(count).waitFor();
    const statusBefore = (await lastMessage().textContent()) ?? '';
    expect(statusBefore).toContain('Only visible to you');
    await shot('2-status');

    await command('story questions');
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    await shot('3-story-modal');
    const labels = await modal.locator('label').allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    await modal.locator('[name="goal"]').fill('Warm homes for every family on Green Street');
    await modal.locator('[name="who"]').fill('The tenants of Green Street, 120 flats');
    await modal.locator('[name="how"]').fill('Organise a tenants union and meet the landlord together');
    await modal.locator('[name="when"]').fill('Before winter');
    await modal.locator('[name="vision"]').fill('Every flat on Green Street is warm by December');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    // Slack answers a modal with an ephemeral message of its own (chat.postEphemeral): it may show after the modal closes.
    await page.getByTestId('message').filter({ hasText: 'Story saved' }).waitFor();

    count = await command('status');
    await page.getByTestId('message').nth(count).waitFor();
    const statusAfter = (await lastMessage().textContent()) ?? '';
    expect(statusAfter).not.toBe(statusBefore);
    expect(statusAfter).toContain('Every flat on Green Street is warm by December');
    await shot('4-status-after');

    // The side panel showed what Organizer sent to Slack's API; the rows are really in the table.
    expect(await page.getByTestId('call').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('views.open')]));
    const items = await allItems(db, tableName);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pk: 'slack#TPLAYGREEN', sk: 'COMMUNITY#CPLAYORGANIZE#META', name: 'Green Street Tenants' }),
      ]),
    );
  });

  it('clicks a button in a reply and gets its answer', async () => {
    const count = await command('story');
    await page.getByTestId('message').nth(count).waitFor();
    const buttons = lastMessage().locator('button');
    expect(await buttons.count()).toBeGreaterThan(0);
    const calls = await page.getByTestId('call').count();
    await buttons.first().click();
    // A button answers with a modal or a message: either way something new reaches the page.
    await page.waitForFunction(
      ([m, c]) => {
        const doc = (globalThis as any).document;
        return (
          doc.querySelectorAll('[data-testid="message"]').length > m ||
          doc.querySelectorAll('[data-testid="call"]').length > c ||
          !doc.getElementById('modal')?.hidden
        );
      },
      [count + 1, calls] as const,
    );
    await shot('5-button');
    if (await page.getByTestId('modal').count()) await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shares a story and reflects on it: the shared message keeps the ts Slack gave it (Slack)', async () => {
    await command('story us');
    await (await fillModal('We stood together when the heating failed last winter')).getByTestId('modal-submit').click();
    await page.getByTestId('modal').waitFor({ state: 'detached' });
    await command('story share us');
    const card = withButton('story:reflect:').last();
    await card.waitFor();
    const key = (await card.getAttribute('data-key')) ?? '';
    // The channel and the ts the sandbox's chat.postMessage answered, as Slack's are.
    expect(key).toMatch(/^CPLAYORGANIZE\/\d{10}\.\d{6}$/);
    const ts = key.split('/')[1];
    const posted = (await calls()).find((c) => c.method === 'chat.postMessage' && c.answer?.ts === ts);
    expect(posted?.answer?.channel).toBe('CPLAYORGANIZE');

    await card.locator('button[data-action^="story:reflect:"]').click();
    // The story is found at that very message: Reflect opens its modal instead of saying it is gone.
    const modal = await fillModal('The moment the whole block came to the meeting');
    await shot('8-slack-reflect');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    await expect.poll(async () => (await calls()).some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts), SOON).toBe(true);
    // The reflection is drawn on the page too, in the channel, marked as a thread reply.
    await page.getByTestId('message').filter({ hasText: 'The moment the whole block came to the meeting' }).first().waitFor();
  });

  it('an event card shows its date in the reader’s zone, typed < and & as themselves, and an RSVP redraws it in place (Slack)', async () => {
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await command('event new');
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    await modal.locator('[name="title"]').fill('Rent & repairs <urgent>');
    // Slack's date-time picker is the browser's own; the length has a field of its own.
    expect(await modal.locator('[name="when"]').getAttribute('type')).toBe('datetime-local');
    await modal.locator('[name="when"]').fill(`${day}T18:00`);
    await modal.locator('[name="length"]').fill('2h');
    await modal.locator('[name="place"]').fill('Hall <B> & yard');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });

    const card = withButton('event:going:');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    const before = (await card.textContent()) ?? '';
    expect(before).toContain('Rent & repairs <urgent>');
    expect(before).toContain('Hall <B> & yard');
    expect(await page.locator('#log').textContent()).not.toMatch(/&lt;|&gt;|&amp;|<!date|<@U/);

    // <!date^…> became a <time> showing the reader's (Tokyo's) local time for that instant.
    const time = card.getByTestId('time').first();
    const epoch = Number(await time.getAttribute('data-epoch'));
    expect(epoch).toBeGreaterThan(Date.now() / 1000);
    const local = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-US', { ...options, timeZone: READER_ZONE }).format(new Date(epoch * 1000)).replace(/\s/g, ' ');
    const shown = ((await time.textContent()) ?? '').replace(/\s/g, ' ');
    expect(shown).toContain(local({ hour: 'numeric', minute: '2-digit' }));
    expect(shown).toContain(local({ day: 'numeric' }));
    expect(shown).toContain(local({ month: 'short' }));
    await shot('9-event-card');

    const key = await card.getAttribute('data-key');
    const position = await page
      .getByTestId('message')
      .evaluateAll((nodes, k) => nodes.findIndex((n) => n.getAttribute('data-key') === k), key);
    expect(before).not.toContain('@Ana');
    await card.locator('button[data-action^="event:going:"]').click();
    // chat.update redraws the same card where it was: still one card, same place, now naming who is going.
    await expect.poll(async () => (await card.textContent()) ?? '', SOON).toContain('@Ana');
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute('data-key')).toBe(key);
    expect(await page.getByTestId('message').evaluateAll((nodes, k) => nodes.findIndex((n) => n.getAttribute('data-key') === k), key)).toBe(
      position,
    );
    expect((await calls()).some((c) => c.method === 'chat.update' && `${c.body.channel}/${c.body.ts}` === key)).toBe(true);
    await shot('10-event-rsvp');

    // A message's response_url replaces it in place, or deletes it, as Slack does.
    const [channel, ts] = (key ?? '').split('/');
    const responseUrl = `${server.url}/playground/api/slack/response_url?message=${channel}:${ts}`;
    const post = (body: unknown) =>
      fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await post({ replace_original: true, text: 'Moved *indoors*', blocks: [] });
    await expect.poll(async () => (await page.locator(`[data-key="${key}"]`).textContent()) ?? '', SOON).toContain('Moved indoors');
    await post({ delete_original: true });
    await page.locator(`[data-key="${key}"]`).waitFor({ state: 'detached' });
  });

  it('a person picked from the suggestions reaches Slack as <@U…|handle>, typed < and & escaped as Slack escapes them', async () => {
    await page.getByTestId('command').fill('');
    await page.getByTestId('command').pressSequentially('tasks <all> & @Be');
    const suggestion = page.getByTestId('suggestion').filter({ hasText: '@Ben' });
    await suggestion.waitFor();
    await suggestion.click();
    expect(await page.getByTestId('command').inputValue()).toBe('tasks <all> & @Ben ');
    const sent = page.waitForRequest((r) => r.url().endsWith('/slack/events'));
    const count = await page.getByTestId('message').count();
    await page.getByTestId('command').press('Enter');
    expect(new URLSearchParams((await sent).postData() ?? '').get('text')).toBe('tasks &lt;all&gt; &amp; <@UPLAYBEN|ben>');
    await page.getByTestId('message').nth(count).waitFor();
  });

  it('keeps the input in view however long the conversation grows', async () => {
    while ((await page.locator('#log .msg').count()) < 30) {
      const count = await command('help');
      await page.getByTestId('message').nth(count).waitFor();
    }
    const log = await page.locator('#log').evaluate((n) => ({ scroll: n.scrollHeight, client: n.clientHeight, top: n.scrollTop }));
    expect(log.scroll).toBeGreaterThan(log.client);
    // The transcript scrolls, showing its end; the page itself does not.
    expect(log.top + log.client).toBeGreaterThanOrEqual(log.scroll - 2);
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollHeight)).toBeLessThanOrEqual(VIEWPORT_HEIGHT);
    const box = await page.getByTestId('command').boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? -1) >= 0 && (box?.y ?? 0) + (box?.height ?? 0) <= VIEWPORT_HEIGHT).toBe(true);
    await shot('11-long');
  });

  it('does the same on Discord, in Russian, with the reply rendered as Discord shows it', async () => {
    await page.selectOption('#platform', 'discord');
    await page.selectOption('#language', 'ru');
    expect(await page.locator('h1').textContent()).toBe('Песочница Organizer');
    let count = await command('setup Жильцы Зелёной улицы');
    await page.getByTestId('message').nth(count).waitFor();
    expect(await lastMessage().textContent()).toContain('Жильцы Зелёной улицы');

    await command('story questions');
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    await modal.locator('[name="goal"]').fill('Тёплые квартиры');
    await modal.locator('[name="vision"]').fill('Каждая квартира тёплая к декабрю');
    // Discord draws its modal's buttons in the reader's language.
    expect(await modal.getByTestId('modal-submit').textContent()).toBe('Отправить');
    expect(await modal.getByTestId('modal-close').textContent()).toBe('Отмена');
    await shot('6-discord-modal');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });

    count = await command('status');
    await page.getByTestId('message').nth(count).waitFor();
    expect(await lastMessage().textContent()).toContain('Каждая квартира тёплая к декабрю');
    await shot('7-discord-status');
    const items = await allItems(db, tableName);
    expect(items.some((i) => i.pk === 'discord#900000000000000001')).toBe(true);
  });

  it('shares a story and reflects on it: the shared message keeps the id Discord gave it (Discord)', async () => {
    await command('story us');
    await (await fillModal('Мы держались вместе, когда отключили отопление')).getByTestId('modal-submit').click();
    await page.getByTestId('modal').waitFor({ state: 'detached' });
    await command('story share us');
    const card = withButton('story:reflect:').last();
    await card.waitFor();
    const id = (await card.getAttribute('data-key')) ?? '';
    expect(id).toMatch(/^\d{17,20}$/);
    expect((await calls()).some((c) => c.method === 'POST /channels/900000000000000101/messages' && c.answer?.id === id)).toBe(true);

    await card.locator('button[data-action^="story:reflect:"]').click();
    const modal = await fillModal('Когда весь дом пришёл на собрание');
    expect(await modal.getByTestId('modal-submit').textContent()).toBe('Отправить');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    // The reflection goes to the thread started from that message (its channel is the message's id).
    await expect.poll(async () => (await calls()).some((c) => c.method === `POST /channels/${id}/messages`), SOON).toBe(true);
    await shot('12-discord-reflect');
  });

  it('an UPDATE_MESSAGE answer to a button redraws that message in place (Discord)', async () => {
    const card = withButton('story:reflect:').last();
    const id = await card.getAttribute('data-key');
    const count = await page.getByTestId('message').count();
    // Discord answers a component with type 7: the message the button is on becomes the answer's message.
    await page.route('**/discord/interactions', (route) =>
      route.fulfill({ json: { type: 7, data: { content: 'Обновлено: **<t:1767225600:D>**', components: [] } } }),
    );
    try {
      await card.locator('button[data-action^="story:reflect:"]').click();
      const redrawn = page.locator(`[data-key="${id}"]`);
      await expect.poll(async () => (await redrawn.textContent()) ?? '', SOON).toContain('Обновлено');
      expect(await page.getByTestId('message').count()).toBe(count);
      expect(await redrawn.getByTestId('time').getAttribute('data-epoch')).toBe('1767225600');
      expect(await redrawn.textContent()).not.toContain('<t:');
    } finally {
      await page.unroute('**/discord/interactions');
    }
  });

  it('a Discord event card shows <t:…> in the reader’s zone and language, and an RSVP redraws it in place', async () => {
    const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await command('event new');
    const modal = page.getByTestId('modal');
    await modal.waitFor();
    await modal.locator('[name="title"]').fill('Собрание жильцов');
    await modal.locator('[name="when"]').fill(`${day} 18:00 2h`);
    await modal.locator('[name="place"]').fill('Двор');
    await modal.getByTestId('modal-submit').click();
    await modal.waitFor({ state: 'detached' });
    const card = withButton('event:going:');
    await card.first().waitFor();
    expect(await card.count()).toBe(1);
    const time = card.getByTestId('time').first();
    const epoch = Number(await time.getAttribute('data-epoch'));
    const local = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('ru', { ...options, timeZone: READER_ZONE }).format(new Date(epoch * 1000)).replace(/\s/g, ' ');
    const shown = ((await time.textContent()) ?? '').replace(/\s/g, ' ');
    expect(shown).toContain(local({ hour: 'numeric', minute: '2-digit' }));
    expect(shown).toContain(local({ day: 'numeric', month: 'long' }));
    const key = await card.getAttribute('data-key');
    const before = (await card.textContent()) ?? '';
    expect(before).not.toContain('@Ana');
    await card.locator('button[data-action^="event:going:"]').click();
    // The PATCH of that message id redraws it: one card, same id, now naming who is going.
    await expect.poll(async () => (await card.textContent()) ?? '', SOON).toContain('@Ana');
    expect(await card.count()).toBe(1);
    expect(await card.getAttribute('data-key')).toBe(key);
    expect(await page.locator('#log').textContent()).not.toMatch(/<t:|<@\d/);
    await shot('13-discord-event');
  });
});
