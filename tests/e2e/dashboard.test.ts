import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { decisionOf } from '../support/decisions.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const SECRET = 'calendar-test-secret-0123456789abcdef';
const as = (user: string, channel = 'C1', team = 'T0001') => ({ channel_id: channel, user_id: user, team_id: team });
const LINK = /http:\/\/localhost\/dashboard\/[A-Za-z0-9.]+/g;
const HOUR = 3_600_000;
const SELF_STORY = 'My brother was evicted in March';
const NOTES = 'Night shifts, worried about her visa';

/** The one dashboard link an answer carries. */
const linkIn = (text: string): string => {
  const [link] = text.match(LINK) ?? [];
  expect(link, text).toBeDefined();
  return link as string;
};

/** The page a browser gets for a link, with its headers. */
async function open(t: TestApp, url: string, language = 'en') {
  const response = await t.app.request(new Request(url, { headers: { 'accept-language': language } }));
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** One byte of the token changed, to another character a token may hold. */
const altered = (url: string, at: number) => {
  const i = url.length + at;
  return `${url.slice(0, i)}${url[i] === 'a' ? 'b' : 'a'}${url.slice(i + 1)}`;
};

describe('Slack: /community dashboard gives leaders a private link to a read-only page', () => {
  let t: TestApp;
  let ts = 7000;
  let link = '';
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  beforeAll(async () => {
    t = await startTestApp('e2e-dashboard-slack', { CALENDAR_SECRET: SECRET });
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await send(slashCommand('setup Other Block', as('U9', 'C9', 'T0009')));
    // A story of self and a one-on-one's notes: private, and never on the page.
    await send(slashCommand('story self', as('U2')));
    await send(viewSubmission('story.self', { challenge: SELF_STORY, calling: 'No one cold' }, { channel: 'C1', user: 'U2' }));
    t.recorder.reset();
    await send(slashCommand('1on1 log <@U3|ivan>', as('U2')));
    const state = JSON.parse(JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view)).private_metadata).state;
    await send(viewSubmission('oneonone', { values: 'fairness', notes: NOTES }, { user: 'U2', channel: 'C1', state }));
    // An event whose title tries to inject a script; three going, two came.
    const startsAt = Math.floor(testClock.now().getTime() / 60_000 + 60) * 60;
    await send(
      viewSubmission(
        'event',
        { title: '<script>alert(1)</script> meeting', length: '60m', place: 'Hall' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: startsAt } } },
      ),
    );
    const [event] = await items('Event');
    for (const user of ['U2', 'U3', 'U4'])
      await send(blockAction(`event:going:T0001:C1:${event.id}`, { user, channel: 'C1', messageTs: event.messageId }));
    testClock.advance(2 * HOUR);
    await send(slashCommand(`event attended ${event.id} <@U2|a> <@U3|b>`, as(COORDINATOR)));
    // A campaign of eight weeks.
    await send(slashCommand('campaign new Heat by March', as(COORDINATOR)));
    const end = DateTime.fromJSDate(testClock.now()).toUTC().plus({ weeks: 8 }).toISODate() ?? '';
    await send(
      viewSubmission(
        'campaign',
        { name: 'Heat by March', goal: 'Heating fixed' },
        { user: COORDINATOR, channel: 'C1', pickers: { end: { date: end } } },
      ),
    );
    // A closed decision, as the closing tick leaves it.
    const decided = decisionOf('proposal', {
      id: 'd7',
      title: 'Paint the <b>stairwell</b>',
      status: 'closed',
      closedAt: testClock.now().toISOString(),
      outcome: { passed: true, winners: [], ballots: 3, eligible: 4, totals: [3, 0, 0, 0] },
    });
    expect(await t.deps.core.decisions.create({ platform: 'slack', id: 'T0001' }, decided)).toBe('saved');
  }, 120_000);
  afterAll(() => t.stop());

  it('refuses a member, privately, and makes no link', async () => {
    const res = await send(slashCommand('dashboard', as('U2')));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    expect(text).toContain('Only leaders');
    expect(text).not.toMatch(LINK);
    expect(await items('Calendar')).toEqual([]);
  });

  it('answers a leader ephemerally with a link good for 24 hours, and how to end it', async () => {
    const res = await send(slashCommand('dashboard', as(COORDINATOR)));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    link = linkIn(text);
    expect(text).toContain('It works for 24 hours');
    expect(text).toContain('`/community calendar reset`');
    // `report dashboard` is the same command; the key is made once.
    expect(linkIn(slackText((await send(slashCommand('report dashboard', as(COORDINATOR)))).body))).toMatch(LINK);
    expect(await items('Calendar')).toHaveLength(1);
  });

  it('serves the board, the charts, the campaign and the decisions, privately and escaped', async () => {
    const page = await open(t, link);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toContain('noindex');
    expect(page.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(page.html).toContain('<h1>Green Street Tenants: dashboard</h1>');
    expect(page.html.match(/<li class="stage /g)).toHaveLength(7);
    expect(page.html).toContain('stories of self 1/');
    // The charts drawn as SVG: the stages, the ladder, turnout, one-on-ones, the campaign arc.
    for (const chart of ['stages', 'ladder', 'turnout', 'oneonones', 'campaign'])
      expect(page.html, chart).toMatch(new RegExp(`<figure data-chart="${chart}"><div role="img" aria-label="[^"]+"><svg`));
    expect(page.html).toContain('Event turnout: &#60;script&#62;alert(1)&#60;/script&#62; meeting: 3 going, 2 came.');
    expect(page.html).toContain('<h3>Campaign: Heat by March</h3>');
    expect(page.html).toContain('<li class="now">Foundation:');
    expect(page.html).toContain('<strong>Paint the &#60;b&#62;stairwell&#60;/b&#62;</strong>');
    expect(page.html).toContain('passed (agree 3 · abstain 0 · disagree 0 · block 0) · 3 of 4 voted');
    // Nothing private, and nothing that runs.
    expect(page.html).not.toContain(SELF_STORY);
    expect(page.html).not.toContain(NOTES);
    expect(page.html).not.toContain('<script');
    expect(page.html).not.toContain('<b>stairwell');
  });

  it('refuses any altered byte with 403, and another community’s link never shows this one', async () => {
    const token = link.slice(link.lastIndexOf('/') + 1);
    for (const at of [-1, -30, -49, -(token.length - 2)]) {
      const page = await open(t, altered(link, at));
      expect(page.status, altered(link, at)).toBe(403);
      // The ids, the expiry and the first signature are checked before any read; the second against the key.
      expect(page.html).toMatch(at > -33 ? /no longer works: it was changed/ : /This dashboard link is not valid/);
      expect(page.html).not.toContain('Green Street');
      expect(page.headers.get('cache-control')).toBe('private, no-store');
    }
    // The same signature on Other Block's ids: refused; its own leader's link shows only Other Block.
    const other = linkIn(slackText((await send(slashCommand('dashboard', as('U9', 'C9', 'T0009')))).body));
    const swapped = link.replace('s.T0001.C1.', 's.T0009.C9.');
    expect((await open(t, swapped)).status).toBe(403);
    const theirs = await open(t, other);
    expect(theirs.status).toBe(200);
    expect(theirs.html).toContain('Other Block: dashboard');
    expect(theirs.html).not.toContain('Green Street');
    expect(theirs.html).not.toContain('stairwell');
    // A made-up token: the same friendly page, in the browser's language.
    const nonsense = await open(t, 'http://localhost/dashboard/nonsense', 'ru-RU,ru;q=0.9');
    expect(nonsense.status).toBe(403);
    expect(nonsense.html).toContain('<html lang="ru">');
    expect(nonsense.html).toContain('Эта ссылка на панель недействительна');
  });

  it('stops working after 24 hours (410), and at once when a leader resets the links (403)', async () => {
    testClock.advance(24 * HOUR - 60_000);
    expect((await open(t, link)).status).toBe(200);
    testClock.advance(2 * 60_000);
    const expired = await open(t, link);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('has expired');
    expect(expired.html).not.toContain('Green Street');
    const fresh = linkIn(slackText((await send(slashCommand('dashboard', as(COORDINATOR)))).body));
    expect((await open(t, fresh)).status).toBe(200);
    await send(slashCommand('calendar reset', as(COORDINATOR)));
    const reset = await open(t, fresh);
    expect(reset.status).toBe(403);
    expect(reset.html).toContain('reset the community’s links');
  });
});

describe('Discord: /community report what:dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-dashboard-discord', { CALENDAR_SECRET: SECRET });
    t.recorder.on('POST /discord/api/v10/channels/222222222222222222/messages', () => ({ body: { id: '900000000000000001' } }));
    await t.app.request(discordCommand('setup', { name: 'Зелёная улица' }, { locale: 'ru' }));
  });
  afterAll(() => t.stop());
  const answer = async (request: Request) => (await (await t.app.request(request)).json()) as any;

  it('answers the leader ephemerally (flag 64) with a link to a Russian page; a member is refused', async () => {
    const res = await answer(discordCommand('report', { what: 'dashboard' }, { locale: 'ru' }));
    expect(res.type).toBe(4);
    expect(res.data.flags & 64).toBe(64);
    expect(res.data.content).toContain('Ссылка работает 24 часа');
    const page = await t.app.request(linkIn(res.data.content));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Семь этапов');
    const member = await answer(discordCommand('report', { what: 'dashboard' }, { user: '777777777777777777', locale: 'en-US' }));
    expect(member.data.flags & 64).toBe(64);
    expect(member.data.content).toContain('Only leaders');
    expect(member.data.content).not.toMatch(LINK);
  });

  it('still posts the charts for plain `report` and `what:charts`', async () => {
    for (const options of [{}, { what: 'charts' }] as Record<string, string>[]) {
      const res = await answer(discordCommand('report', options, { locale: 'en-US' }));
      expect(res.data.flags & 64).toBe(64);
      expect(res.data.content).toContain('Preparing the report');
    }
  });
});
