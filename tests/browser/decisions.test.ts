import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { artifactsDir, startPlayground } from '../support/browser.ts';
import { allItems } from '../support/table.ts';

type Playground = Awaited<ReturnType<typeof startPlayground>>;
type Call = { n: number; method: string; body: any; answer?: any };

/** The machine is shared: each step gets minutes, each wait a generous bound. */
const STEP = 180_000;
const SOON = { timeout: 30_000, interval: 250 };

/**
 * Deciding together in the playground, in a real headless Chromium, as a new user would try it on Slack:
 * Ana proposes through the modal (its selects as the page draws them), Ben agrees from the card with a
 * reason (the card redrawn where it is, the reason in its thread), a poll is voted on and closed, and the
 * log lists both. Screenshots land in test-artifacts/.
 */
describe('browser playground: a proposal and a poll', () => {
  let playground: Playground;
  let page: Page;
  const endpoint = inject('dynamoEndpoint');
  beforeAll(async () => {
    playground = await startPlayground('decisions', endpoint);
    page = await playground.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'Europe/London' });
    page.setDefaultTimeout(30_000);
  }, STEP);
  afterAll(async () => {
    await playground?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(artifactsDir, `decisions-${name}.png`), fullPage: true });
  const command = async (text: string) => {
    await page.getByTestId('command').fill(text);
    await page.getByTestId('command').press('Enter');
  };
  const as = (name: string) => page.selectOption('#user', { label: name });
  const modal = () => page.getByTestId('modal');
  const submit = async () => {
    await modal().getByTestId('modal-submit').click();
    await modal().waitFor({ state: 'detached' });
  };
  const withButton = (prefix: string) => page.getByTestId('message').filter({ has: page.locator(`button[data-action^="${prefix}"]`) });
  const decisions = async () => (await allItems(playground.db, playground.tableName)).filter((i) => i.entity === 'Decision') as any[];
  const calls = () => playground.calls<Call>();

  it(
    'Ana proposes, Ben agrees with a reason from the card, a poll is voted and closed, and the log lists both',
    async () => {
      await page.goto(`${playground.server.url}/`);
      await as('Ana');
      await command('setup Green Street Tenants');
      await page.getByTestId('message').filter({ hasText: 'Green Street Tenants' }).first().waitFor();
      // Ben joins first: those who joined (and the coordinator) vote.
      await as('Ben');
      await command('join');
      await page.getByTestId('message').filter({ hasText: 'Welcome' }).first().waitFor();
      await as('Ana');

      await command('propose');
      await modal().waitFor();
      // The rule, who votes and anonymity are selects, drawn with their first choices picked.
      expect(await modal().locator('select[name="rule"] option:checked').getAttribute('value')).toBe('consent');
      expect(await modal().locator('select[name="electorate"] option:checked').getAttribute('value')).toBe('everyone');
      await modal().locator('[name="title"]').fill('Paint the stairwell');
      await modal().locator('[name="body"]').fill('Green, by spring');
      await modal().locator('[name="closes"]').fill('in 3 days');
      await modal().locator('select[name="rule"]').selectOption('67');
      await shot('1-propose');
      await submit();
      const card = withButton('dec:pos:');
      await card.first().waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.locator('button[data-action^="dec:pos:"]').allTextContents()).toEqual(['Agree', 'Abstain', 'Disagree', 'Block']);
      const [proposal] = await decisions();
      expect(proposal).toMatchObject({ title: 'Paint the stairwell', rule: 'share', share: 67, status: 'open' });
      const key = await card.getAttribute('data-key');

      await as('Ben');
      await card.getByRole('button', { name: 'Agree', exact: true }).click();
      await modal().waitFor();
      await modal().locator('[name="reason"]').fill('Green is calm');
      await submit();
      // chat.update redraws the same card in its place; the reason shows as a reply in its thread.
      await expect.poll(async () => (await card.textContent()) ?? '', SOON).toContain('@Ben');
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute('data-key')).toBe(key);
      await page.getByTestId('message').filter({ hasText: 'Green is calm' }).first().waitFor();
      const ts = key?.split('/')[1];
      expect((await calls()).some((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts)).toBe(true);
      await shot('2-agreed');

      await as('Ana');
      await command('poll simple');
      await modal().waitFor();
      await modal().locator('[name="title"]').fill('Which green?');
      await modal().locator('[name="options"]').fill('Sage\nMint');
      await modal().locator('[name="closes"]').fill('in 2 days');
      await submit();
      const pollCard = withButton('dec:pick:');
      await pollCard.first().waitFor();
      await as('Ben');
      await pollCard.getByRole('button', { name: 'Mint', exact: true }).click();
      await expect.poll(async () => (await pollCard.textContent()) ?? '', SOON).toContain('Mint · 1');
      await as('Ana');
      await pollCard.locator('button[data-action^="dec:close:"]').click();
      // Closed: the card loses its voting buttons, the outcome is in its thread.
      await expect.poll(async () => pollCard.count(), SOON).toBe(0);
      await expect.poll(async () => (await decisions()).find((d) => d.title === 'Which green?')?.status, SOON).toBe('closed');
      await shot('3-poll-closed');

      await command('decisions');
      const log = page.getByTestId('message').filter({ hasText: 'Paint the stairwell' }).filter({ hasText: 'Which green?' });
      await log.first().waitFor();
      expect(await log.last().textContent()).toContain('Only visible to you');
      await shot('4-log');
    },
    STEP,
  );
});
