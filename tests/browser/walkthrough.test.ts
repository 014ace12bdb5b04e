import { appendFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, startPlayground } from '../support/browser.ts';
import { allItems } from '../support/table.ts';

type Playground = Awaited<ReturnType<typeof startPlayground>>;

type Server = Playground['server'];
type Call = { n: number; platform: string; method: string; body: any; answer?: any };

/** The community's zone, and the reader's: what the page shows is the local time of both. */
const ZONE = 'America/New_York';
/** The machine is slow and shared: each step of the walk gets minutes, each wait a generous bound. */
const STEP = 180_000;
const SOON = { timeout: 30_000 };
const POLL = { timeout: 30_000, interval: 250 };

/** Every command help has to name (its words as typed after /community). */
const COMMANDS = [
  'setup',
  'status',
  'story',
  'roles',
  'role',
  'assign',
  'unassign',
  'task',
  'tasks',
  'done',
  'tz',
  'standup',
  'away',
  'strategy',
  'campaign',
  'event',
  'debrief',
  'next',
  'celebrate',
  'export',
  'erase',
  'ladder',
  'join',
  '1on1',
  'values',
  'pair',
  'lang',
  'help',
];

/** English words that must never show in the Russian walk-through. */
const ENGLISH_STANDUP = ['Answer', 'Skip today', 'Your stand-up', 'Thanks! Your answer', 'Stand-up', 'Save', 'Submit'];

/**
 * A new user's first hour, in a real headless Chromium on the playground `npm start` serves: on Slack in
 * English (setup, the timezone, roles, offers reaching Ben, a task due "next tuesday 5pm", Ben's Done,
 * an event he answers and that moves, a story shared and reflected on, help), then on Discord in Russian
 * (setup, a stand-up set up and answered). Screenshots of each step land in test-artifacts/.
 */
describe('a new user’s walk-through in the browser', () => {
  let server: Server;
  let browser: Browser;
  let playground: Playground;
  let db: Playground['db'];
  let tableName: string;
  let page: Page;
  const endpoint = inject('dynamoEndpoint');
  // What the page showed after each step, kept beside the screenshots.
  const transcript = join(artifactsDir, 'walkthrough-transcript.txt');
  beforeAll(async () => {
    playground = await startPlayground('walkthrough', endpoint);
    ({ server, browser, db, tableName } = playground);
    // This run's screenshots only: an earlier run's would be read as this one's.
    for (const file of readdirSync(artifactsDir)) if (/^walkthrough-\d+-.*\.png$/.test(file)) rmSync(join(artifactsDir, file));
    writeFileSync(transcript, '');
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: ZONE });
    page.setDefaultTimeout(30_000);
  }, STEP);
  afterEach(async (context) => {
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text, as a person reads it
    const text = (id: string) => page.locator(id).innerText();
    appendFileSync(transcript, `\n===== ${context.task.name}\n--- chat\n${await text('#log')}\n--- calls\n${await text('#calls-list')}\n`);
  });
  afterAll(async () => {
    // What the server logged (warnings and errors), for a failed step's cause.
    if (server) appendFileSync(transcript, `\n===== server\n${server.output()}\n`);
    await playground?.stop();
  });

  let shots = 0;
  const shot = (name: string) =>
    page.screenshot({ path: join(artifactsDir, `walkthrough-${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });
  const messages = () => page.getByTestId('message');
  /** Sends a command as typed into the composer (nothing picked from the suggestions). */
  const command = async (text: string) => {
    await page.getByTestId('command').fill(text);
    await page.getByTestId('command').press('Enter');
  };
  /** The newest message on the page (in the channel or someone's DM) with that text, once it is there. */
  const shown = async (text: string | RegExp, where: 'message' | 'elsewhere' = 'message'): Promise<Locator> => {
    const found = page.getByTestId(where).filter({ hasText: text }).last();
    await found.waitFor(SOON);
    return found;
  };
  /** Runs a command and waits for the answer that says `expected`. */
  const ask = async (text: string, expected: string | RegExp) => {
    const before = await messages().filter({ hasText: expected }).count();
    await command(text);
    await expect.poll(() => messages().filter({ hasText: expected }).count(), POLL).toBeGreaterThan(before);
    return messages().filter({ hasText: expected }).last();
  };
  const calls = () => playground.calls<Call>();
  const as = (name: string) => page.selectOption('#user', { label: name });
  const modal = () => page.getByTestId('modal');
  const submitModal = async () => {
    await modal().getByTestId('modal-submit').click();
    await modal().waitFor({ state: 'detached' });
  };
  const items = () => allItems(db, tableName);
  // What a person sees (rendered text), not the page's script or hidden nodes.
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's rendered text, as a person reads it
  const chatText = () => page.locator('main').innerText();

  it(
    'Slack: setup keeps English and says which timezone it took; tz sets New York',
    async () => {
      await page.goto(`${server.url}/`);
      await page.selectOption('#channel', { label: '#organizing' });
      await as('Ana');
      const setup = await ask('setup Green Street Tenants', 'Green Street Tenants');
      // A typed setup takes the zone of the Slack profile (or asks for it with a button).
      expect(await setup.textContent()).toMatch(/Timezone|timezone/);
      await shot('setup');
      expect(await setup.textContent()).not.toMatch(/[А-Яа-яЁё]/);
      const community = (await items()).find((i) => i.sk === 'COMMUNITY#CPLAYORGANIZE#META');
      expect(community?.name).toBe('Green Street Tenants');
      // No language of its own written: the community speaks the deployment's default, English.
      expect(community?.locale ?? 'en').toBe('en');

      const zone = await ask('tz New York', ZONE);
      expect(await zone.textContent()).toContain(ZONE);
      await shot('tz');
      expect((await items()).find((i) => i.sk === 'COMMUNITY#CPLAYORGANIZE#META')).toMatchObject({ timezone: ZONE });
    },
    STEP,
  );

  it(
    'Slack: the starter roles, then assign @Ben typed plainly and picked from the suggestions both reach Ben, who accepts',
    async () => {
      await command('roles');
      const adopt = page.getByRole('button', { name: 'Adopt the starter roles' }).last();
      await adopt.waitFor(SOON);
      await adopt.click();
      await shown('The starter roles are in');

      // Typed as a person types it: "@Ben" never picked, so Slack sends the plain word and Organizer looks him up.
      const sent = page.waitForRequest((r) => r.url().endsWith('/slack/events'));
      await command('assign @Ben outreach lead');
      expect(new URLSearchParams((await sent).postData() ?? '').get('text')).toBe('assign @Ben outreach lead');
      await shown(/Asked @Ben to lead/);
      const lead = await shown(/asks you to lead/, 'elsewhere');
      expect(await lead.textContent()).toContain('Outreach and recruitment');

      // Picked from the suggestions: Slack sends <@UPLAYBEN|ben>.
      await page.getByTestId('command').fill('');
      await page.getByTestId('command').pressSequentially('assign @Be');
      await page.getByTestId('suggestion').filter({ hasText: '@Ben' }).click();
      await page.getByTestId('command').pressSequentially('communications');
      const picked = page.waitForRequest((r) => r.url().endsWith('/slack/events'));
      await page.getByTestId('command').press('Enter');
      expect(new URLSearchParams((await picked).postData() ?? '').get('text')).toBe('assign <@UPLAYBEN|ben> communications');
      await shown(/Asked @Ben to join/);
      const join = await shown(/asks you to join/, 'elsewhere');
      expect(await join.textContent()).toContain('Communications');
      await shot('offers');

      // The offers are Ben's: as Ben, Accept on the lead offer.
      await as('Ben');
      await lead.getByRole('button', { name: 'Accept' }).click();
      // The channel hears it; it went out as a post through Slack's API.
      await shown('@Ben now leads Outreach and recruitment');
      await expect
        .poll(
          async () => (await calls()).some((c) => /now leads/.test(JSON.stringify(c.body)) && /Outreach/.test(JSON.stringify(c.body))),
          POLL,
        )
        .toBe(true);
      await shot('ben-accepts');
      const roles = Object.values((await items()).find((i) => i.sk === 'COMMUNITY#CPLAYORGANIZE#META')?.roles ?? {}) as any[];
      expect(roles.find((r) => r.name === 'Outreach and recruitment')?.leadId).toBe('UPLAYBEN');
      // The other offer is still Ben's to answer: nothing assigned without his yes.
      expect(roles.find((r) => r.name === 'Communications')?.memberIds).toBeUndefined();
      await as('Ana');
    },
    STEP,
  );

  it(
    'Slack: task @Ben … by next tuesday 5pm echoes next Tuesday 17:00 in New York; as Ben, tasks mine → Done redraws the list',
    async () => {
      // "next tuesday": the Tuesday of next week (weeks start on Monday), in the community's zone, now.
      const due = DateTime.now().setZone(ZONE).plus({ weeks: 1 }).startOf('week').plus({ days: 1 }).set({ hour: 17 });
      const asked = await ask('task @Ben Book the hall by next tuesday 5pm', /Asked @Ben to take/);
      const time = asked.getByTestId('time').first();
      expect(Number(await time.getAttribute('data-epoch'))).toBe(due.toSeconds());
      const text = ((await time.textContent()) ?? '').replace(/\s/g, ' ');
      expect(text).toContain(due.toFormat('LLL d'));
      expect(text).toContain('5:00 PM');
      await shot('task-asked');
      const task = (await items()).find((i) => i.title === 'Book the hall');
      expect(task).toMatchObject({ ownerId: 'UPLAYBEN', due: { date: due.toISODate() } });

      await as('Ben');
      const mine = await ask('tasks mine', 'Your tasks');
      expect(await mine.textContent()).toContain('Book the hall');
      // A proposed task is accepted first, then done, both from the list's own buttons.
      const accept = mine.getByRole('button', { name: 'Accept' });
      if (await accept.count()) {
        await accept.first().click();
        await expect.poll(async () => (await items()).find((i) => i.title === 'Book the hall')?.status, POLL).toBe('accepted');
      }
      const done = page.getByTestId('message').filter({ hasText: 'Book the hall' }).last().getByRole('button', { name: 'Done' });
      await done.first().waitFor(SOON);
      await shot('tasks-mine');
      const key = await page.getByTestId('message').filter({ hasText: 'Book the hall' }).last().getAttribute('data-key');
      await done.first().click();
      await expect.poll(async () => (await items()).find((i) => i.title === 'Book the hall')?.status, POLL).toBe('done');
      // The list redraws in place: the same message, no Done button for that task any more.
      const redrawn = page.locator(`[data-key="${key}"]`);
      await expect.poll(async () => redrawn.getByRole('button', { name: 'Done' }).count(), POLL).toBe(0);
      await shot('task-done');
      await as('Ana');
    },
    STEP,
  );

  it(
    'Slack: event new through the modal’s date-time picker, Ben goes, the leader moves it and Ben’s DM says so',
    async () => {
      const start = DateTime.now().setZone(ZONE).plus({ days: 9 }).set({ hour: 18, minute: 0, second: 0, millisecond: 0 });
      await command('event new');
      await modal().waitFor(SOON);
      await modal().locator('[name="title"]').fill('Tenants meeting');
      // The start is picked as Slack shows it: a date and time picker, not typed words.
      const when = modal().locator('[name="when"]');
      expect(await when.getAttribute('type')).toBe('datetime-local');
      await when.fill(start.toFormat("yyyy-LL-dd'T'HH:mm"));
      await modal().locator('[name="length"]').fill('2h');
      await modal().locator('[name="place"]').fill('Community hall');
      await shot('event-modal');
      await submitModal();
      const card = page
        .getByTestId('message')
        .filter({ has: page.locator('button[data-action^="event:going:"]') })
        .last();
      await card.waitFor(SOON);
      expect(await card.textContent()).toContain('Tenants meeting');
      expect(Number(await card.getByTestId('time').first().getAttribute('data-epoch'))).toBe(start.toSeconds());

      await as('Ben');
      await card.locator('button[data-action^="event:going:"]').click();
      await expect.poll(async () => (await card.textContent()) ?? '', POLL).toContain('@Ben');
      await shot('event-going');

      await as('Ana');
      const moved = start.plus({ days: 1 }).set({ hour: 19 });
      await command('event edit meeting');
      await modal().waitFor(SOON);
      expect(await modal().locator('[name="title"]').inputValue()).toBe('Tenants meeting');
      await modal().locator('[name="when"]').fill(moved.toFormat("yyyy-LL-dd'T'HH:mm"));
      await submitModal();
      // Ben answered Going, so his DM says the event moved (old → new).
      const told = await shown(/Tenants meeting has changed/, 'elsewhere');
      // Old → new, each shown as a time the reader reads in their own zone.
      expect(await told.getByTestId('time').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-epoch'))))).toEqual([
        start.toSeconds(),
        moved.toSeconds(),
      ]);
      await shot('event-moved');
      const event = (await items()).find((i) => i.title === 'Tenants meeting');
      expect(event?.startsAt).toBe(moved.toSeconds());
    },
    STEP,
  );

  it(
    'Slack: story self written and shared, Reflect opens its modal and the reflection lands in the thread',
    async () => {
      await command('story self');
      await modal().waitFor(SOON);
      for (const field of await modal().locator('textarea, input').all())
        if (!(await field.inputValue())) await field.fill('I grew up in a cold flat and promised myself no child here would');
      await submitModal();
      await command('story share self');
      const card = page
        .getByTestId('message')
        .filter({ has: page.locator('button[data-action^="story:reflect:"]') })
        .last();
      await card.waitFor(SOON);
      const ts = ((await card.getAttribute('data-key')) ?? '').split('/')[1];
      await card.locator('button[data-action^="story:reflect:"]').click();
      await modal().waitFor(SOON);
      expect(await modal().locator('h2').textContent()).toBe('Reflect');
      for (const field of await modal().locator('textarea, input').all())
        if (!(await field.inputValue())) await field.fill('Keeping a promise');
      await shot('reflect-modal');
      await submitModal();
      await expect
        .poll(async () => (await calls()).some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts), POLL)
        .toBe(true);
      await shown('Keeping a promise');
      await shot('reflected');
    },
    STEP,
  );

  it(
    'Slack: help lists every command, with nothing escaped showing',
    async () => {
      const help = await ask('help', 'seven stages');
      // Each command as typed after /community, in code: its first word is the command's name.
      const named = new Set((await help.locator('code').allTextContents()).map((code) => code.trim().split(/\s+/)[0]));
      expect(COMMANDS.filter((name) => !named.has(name))).toEqual([]);
      expect(await page.locator('#log').textContent()).not.toMatch(/&lt;|&gt;|&amp;/);
      await shot('help');
    },
    STEP,
  );

  it(
    'Discord, in Russian: setup asks the timezone in Russian; a stand-up is set, posted, answered, all in Russian',
    async () => {
      await page.selectOption('#platform', 'discord');
      await page.selectOption('#language', 'ru');
      await page.selectOption('#channel', { label: '#organizing' });
      await as('Ana');
      const setup = await ask('setup Жильцы Зелёной улицы', 'Жильцы Зелёной улицы');
      expect(await setup.textContent()).toMatch(/часов/i);
      await shot('discord-setup');
      const community = (await items()).find((i) => i.pk === 'discord#900000000000000001' && String(i.sk).endsWith('#META'));
      expect(community).toMatchObject({ locale: 'ru' });
      // Setup asked with a button: its small form takes a city, in Russian.
      await setup.getByRole('button', { name: 'Указать часовой пояс' }).click();
      await modal().waitFor(SOON);
      expect(await modal().getByTestId('modal-submit').textContent()).toBe('Отправить');
      await modal().locator('input, textarea').first().fill('Москва');
      await shot('discord-zone-modal');
      await submitModal();
      await shown('Europe/Moscow');
      await expect
        .poll(
          async () => (await items()).find((i) => i.pk === 'discord#900000000000000001' && String(i.sk).endsWith('#META'))?.timezone,
          POLL,
        )
        .toBe('Europe/Moscow');

      await command('standup set');
      await modal().waitFor(SOON);
      expect(await modal().getByTestId('modal-submit').textContent()).toBe('Отправить');
      await modal().locator('[name="when"]').fill('пн-вс 18:00');
      for (const field of await modal().locator('textarea, input').all()) if (!(await field.inputValue())) await field.fill('Жильцы');
      await shot('discord-standup-modal');
      await submitModal();
      await shown(/Стендап|стендап/);

      await command('standup now');
      const prompt = page
        .getByTestId('message')
        .or(page.getByTestId('elsewhere'))
        .filter({ has: page.getByRole('button', { name: 'Ответить' }) })
        .last();
      await prompt.waitFor(SOON);
      await prompt.getByRole('button', { name: 'Ответить' }).click();
      await modal().waitFor(SOON);
      expect(await modal().locator('h2').textContent()).toBe('Ваш стендап');
      for (const field of await modal().locator('textarea, input').all())
        if (!(await field.inputValue())) await field.fill('Обошли третий подъезд');
      await shot('discord-standup-answer');
      await submitModal();
      await shown('Спасибо!');
      const answer = (await items()).find((i) => i.entity === 'StandupAnswer' && i.pk === 'discord#900000000000000001');
      expect(JSON.stringify(answer?.answers)).toContain('Обошли третий подъезд');
      await shot('discord-standup-done');
      const chatOnly = await chatText();
      for (const word of ENGLISH_STANDUP) expect(chatOnly, `“${word}” in the Russian walk-through`).not.toContain(word);
    },
    STEP,
  );
});
