import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '@organizer/store-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, launchChromium } from '../support/browser.ts';
import { startLocalProcess } from '../support/server.ts';
import { allItems } from '../support/table.ts';

type Server = Awaited<ReturnType<typeof startLocalProcess>>;

/**
 * The playground as a new user meets it: `npm start` with no settings at all (no Slack or Discord app),
 * open the page, run commands, fill a modal, see the answers, in a real headless Chromium.
 * Screenshots land in test-artifacts/.
 */
describe('browser playground', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const endpoint = inject('dynamoEndpoint');
  const tableName = `browser-playground-${randomUUID().slice(0, 8)}`;
  const db = createDocumentClient({ tableName, region: 'local', endpoint });
  beforeAll(async () => {
    // The run's DynamoDB Local instead of a second one; nothing else is configured.
    server = await startLocalProcess({
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: tableName,
      LOCAL_TICK: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'organizer-browser-')),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `playground-${name}.png`), fullPage: true });
  const command = async (text: string) => {
    const before = await page.getByTestId('message').count();
    await page.getByTestId('command').fill(text);
    await page.getByTestId('command').press('Enter');
    return before;
  };
  const lastMessage = () => page.getByTestId('message').last();

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
});
