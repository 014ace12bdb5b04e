import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand, discordModalSubmit, discordRequest } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const as = (user: string, channel = 'C1') => ({ channel_id: channel, user_id: user });
const FEED = /http:\/\/localhost\/calendar\/[A-Za-z0-9.]+\.ics/g;

/** The two links an answer carries: the community's feed first, the reader's own second. */
const linksIn = (text: string) => {
  const [community, mine] = text.match(FEED) ?? [];
  expect(community, text).toBeDefined();
  expect(mine, text).toBeDefined();
  return { community: community as string, mine: mine as string };
};

/** A feed as a calendar app reads it, parsed by ical.js. */
async function fetchFeed(t: TestApp, url: string) {
  const response = await t.app.request(new Request(url));
  const text = await response.text();
  if (response.status !== 200) return { status: response.status, text, headers: response.headers };
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { status: response.status, text, headers: response.headers, calendar, events };
}

let interaction = 2_000_000_000_000_000_000n;

/** `/community me <sub>` as Discord sends a subcommand of a group, with string and boolean options. */
function discordMe(
  sub: string,
  options: Record<string, string | boolean>,
  over: { user?: string; locale?: string; id?: string } = {},
): Request {
  const id = over.id ?? String(interaction++);
  const typed = Object.entries(options).map(([name, value]) => ({ type: typeof value === 'boolean' ? 5 : 3, name, value }));
  return discordRequest(
    JSON.stringify({
      type: 2,
      id,
      application_id: '111111111111111111',
      token: `token-${id}`,
      version: 1,
      guild_id: '555555555555555555',
      channel_id: '222222222222222222',
      channel: { id: '222222222222222222', type: 0 },
      locale: over.locale ?? 'en-US',
      guild_locale: 'en-US',
      member: { user: { id: over.user ?? '333333333333333333', username: 'organizer' }, permissions: '0', roles: [] },
      data: {
        id: '444444444444444444',
        name: 'community',
        type: 1,
        options: [{ type: 2, name: 'me', options: [{ type: 1, name: sub, options: typed }] }],
      },
    }),
  );
}

describe('Slack: calendar feeds of the community and of each person', () => {
  let t: TestApp;
  let ts = 7000;
  let links: { community: string; mine: string };
  const day = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 4 }).toISODate();
  const startsAt = Date.parse(`${day}T18:00:00Z`);
  beforeAll(async () => {
    t = await startTestApp('e2e-calendar-slack', { CALENDAR_SECRET: 'calendar-test-secret-0123456789abcdef' });
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }));
    await t.app.request(slashCommand('setup Green Street, Tenants; North', as(COORDINATOR)));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('answers a member with both links and how to subscribe, privately; outside any community, that there is none', async () => {
    const res = await send(slashCommand('calendar', as('U2')));
    expect(res.body.response_type).toBe('ephemeral');
    const text = slackText(res.body);
    links = linksIn(text);
    expect(text).toContain('Your own events (Going or Maybe) and task due dates');
    expect(text).toContain('To subscribe, add a calendar from a URL');
    expect(links.community).not.toBe(links.mine);
    // The same words after `me`, and the same links again: the feed key is made once.
    expect(linksIn(slackText((await send(slashCommand('me calendar', as('U2')))).body))).toEqual(links);
    expect(await items('Calendar')).toHaveLength(1);
    const none = slackText((await send(slashCommand('calendar', { ...as('U7', 'C5'), team_id: 'T0777' }))).body);
    expect(none).toContain('There is no community here yet');
  });

  it('serves the community feed with an event created through /community event, at its start instant', async () => {
    const opened = await send(slashCommand('event new', as(COORDINATOR)));
    expect(opened.status).toBe(200);
    await send(
      viewSubmission(
        'event',
        { title: 'Tenants meeting, annual; all welcome', length: '90m', place: 'Hall 2, Main St.', description: 'Agenda:\nrent; repairs' },
        { user: COORDINATOR, channel: 'C1', pickers: { when: { instant: startsAt / 1000 } } },
      ),
    );
    const [event] = await items('Event');
    expect(event).toBeDefined();
    const feed = await fetchFeed(t, links.community);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300');
    // Named after the community; its name is TEXT, escaped (ical.js leaves X- and RFC 7986 names as written).
    expect(feed.text).toContain('\r\nX-WR-CALNAME:Green Street\\, Tenants\\; North\r\n');
    expect(feed.text).toContain('\r\nNAME:Green Street\\, Tenants\\; North\r\n');
    const [shown] = feed.events ?? [];
    expect(shown?.uid).toBe(`${event.id}@organizer`);
    expect(shown?.summary).toBe('Tenants meeting, annual; all welcome');
    expect(shown?.location).toBe('Hall 2, Main St.');
    expect(shown?.description).toBe('Agenda:\nrent; repairs');
    expect(shown?.startDate.toJSDate().getTime()).toBe(startsAt);
    expect(shown?.endDate.toJSDate().getTime()).toBe(startsAt + 90 * 60_000);
    // Escaped as RFC 5545 asks, and no line longer than 75 octets.
    expect(feed.text).toContain('SUMMARY:Tenants meeting\\, annual\\; all welcome');
    for (const line of feed.text.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    // Fetched again: the same UID, so a calendar app updates its copy instead of adding one.
    expect((await fetchFeed(t, links.community)).events?.map((e) => e.uid)).toEqual([`${event.id}@organizer`]);
  });

  it('puts a task’s due day and the events someone answered in their own feed only', async () => {
    await send(slashCommand('task <@U2|maria> Print the flyers by friday', as(COORDINATOR)));
    const [task] = await items('Task');
    expect(task?.due?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [event] = await items('Event');
    await send(blockAction(`event:going:T0001:C1:${event.id}`, { user: 'U2', channel: 'C1', messageTs: event.messageId }));
    const own = await fetchFeed(t, links.mine);
    expect(own.status).toBe(200);
    expect(own.text).toContain('\r\nX-WR-CALNAME:Green Street\\, Tenants\\; North: mine\r\n');
    const due = own.events?.find((e) => e.uid === `task-${task.id}@organizer`);
    expect(due?.summary).toBe('Due: Print the flyers');
    expect(due?.startDate.isDate).toBe(true);
    expect(due?.startDate.toString()).toBe(task.due.date);
    expect(own.events?.map((e) => e.uid)).toContain(`${event.id}@organizer`);
    // Someone else's own feed has neither the task nor the event they did not answer.
    const other = linksIn(slackText((await send(slashCommand('calendar', as('U3')))).body));
    expect(other.community).toBe(links.community);
    const theirs = await fetchFeed(t, other.mine);
    expect(theirs.status).toBe(200);
    expect(theirs.events).toEqual([]);
    // Nor does the community's feed list people's tasks.
    expect((await fetchFeed(t, links.community)).events?.map((e) => e.uid)).not.toContain(`task-${task.id}@organizer`);
  });

  it('answers 404 to an altered link: another person, another community, another signature', async () => {
    const alter = (url: string, from: string, to: string) => url.replace(`.${from}.`, `.${to}.`);
    for (const url of [
      alter(links.mine, 'U2', 'U3'),
      alter(links.community, 'C1', 'C9'),
      links.community.replace(/([0-9a-f])\.ics$/, (_, c) => `${c === '0' ? '1' : '0'}.ics`),
      links.community.replace('.ics', '.txt'),
      'http://localhost/calendar/s.T0001.C1.nothex.ics',
    ]) {
      const res = await fetchFeed(t, url);
      expect(res.status, url).toBe(404);
      expect(res.text).not.toContain('BEGIN:VCALENDAR');
    }
  });

  it('lets only a leader reset the links; after it the old ones answer 404 and the new ones work', async () => {
    const refused = slackText((await send(slashCommand('calendar reset', as('U2')))).body);
    expect(refused).toContain('Only leaders');
    expect((await fetchFeed(t, links.community)).status).toBe(200);
    const [before] = await items('Calendar');
    const res = await send(slashCommand('calendar reset', as(COORDINATOR)));
    const text = slackText(res.body);
    expect(text).toContain('no longer work');
    const fresh = linksIn(text);
    const [after] = await items('Calendar');
    expect(after.feedKey).not.toBe(before.feedKey);
    expect((await fetchFeed(t, links.community)).status).toBe(404);
    expect((await fetchFeed(t, links.mine)).status).toBe(404);
    expect((await fetchFeed(t, fresh.community)).status).toBe(200);
    links = fresh;
  });

  it('answers odd words after calendar and me in a friendly way, changing nothing', async () => {
    const [before] = await items('Calendar');
    for (const text of [
      'calendar ???',
      `calendar ${'a'.repeat(500)}`,
      'calendar <!channel> `*_~',
      'me',
      'me ???',
      'me calendar <@U1|>',
      'me tz',
      'me away',
    ])
      for (const user of ['U5', COORDINATOR]) {
        const res = await send(slashCommand(text, as(user)));
        expect(res.status, text).toBe(200);
        expect(slackText(res.body), text).not.toContain('Something went wrong');
      }
    expect((await items('Calendar'))[0].feedKey).toBe(before.feedKey);
  });

  it('answers 404 for a valid link once its community is erased', async () => {
    expect((await fetchFeed(t, links.community)).status).toBe(200);
    await send(slashCommand('erase', as(COORDINATOR)));
    await send(viewSubmission('erase', { name: 'Green Street, Tenants; North' }, { channel: 'C1', user: COORDINATOR }));
    expect(await items('Community')).toEqual([]);
    expect(await items('Calendar')).toEqual([]);
    expect((await fetchFeed(t, links.community)).status).toBe(404);
    expect((await fetchFeed(t, links.mine)).status).toBe(404);
  });
});

describe('Discord: /community me calendar, in Russian, and times right across a DST change', () => {
  let t: TestApp;
  const present = testClock.now();
  beforeAll(async () => {
    t = await startTestApp('e2e-calendar-discord', { CALENDAR_SECRET: 'calendar-test-secret-fedcba9876543210' });
  });
  afterAll(() => {
    testClock.set(present);
    return t.stop();
  });
  const send = sender(() => t.app);

  it('answers a Russian reader in Russian with both links, privately', async () => {
    await send(discordCommand('setup', { name: 'Соседи' }, { locale: 'ru' }));
    const setup = await send(discordMe('tz', { zone: 'Europe/Berlin', community: true }, { locale: 'ru' }));
    expect(setup.body.data.content).toContain('Europe/Berlin');
    const res = await send(discordMe('calendar', {}, { locale: 'ru' }));
    expect(res.body.type).toBe(4);
    expect(res.body.data.flags & 64).toBe(64);
    expect(res.body.data.content).toContain('Календари этого сообщества');
    expect(res.body.data.content).toContain('Чтобы подписаться');
    linksIn(res.body.data.content);
  });

  it('shows an event set for 18:00 Berlin time, days after Berlin’s clocks change, at 18:00 there and at the right New York time', async () => {
    // The next change of Berlin's clocks after the app's now, and a clock set three days before it.
    let probe = DateTime.fromJSDate(testClock.now()).setZone('Europe/Berlin').startOf('day').plus({ hours: 12 });
    while (probe.plus({ days: 1 }).offset === probe.offset) probe = probe.plus({ days: 1 });
    const change = probe.plus({ days: 1 });
    testClock.set(change.minus({ days: 3 }).toJSDate());
    const offsetNow = DateTime.fromJSDate(testClock.now()).setZone('Europe/Berlin').offset;
    const eventDay = change.plus({ days: 2 }).toISODate();
    const expected = DateTime.fromISO(`${eventDay}T18:00`, { zone: 'Europe/Berlin' });
    expect(expected.offset).not.toBe(offsetNow);

    const created = await send(
      discordModalSubmit('event', { title: 'Общее собрание', when: `${eventDay} 18:00`, place: 'Клуб', capacity: '', description: '' }),
    );
    expect(created.status).toBe(200);
    const links = linksIn((await send(discordMe('calendar', {}))).body.data.content);
    const feed = await fetchFeed(t, links.community);
    expect(feed.status).toBe(200);
    expect(feed.calendar?.getFirstPropertyValue('x-wr-calname')).toBe('Соседи');
    const [event] = feed.events ?? [];
    const start = DateTime.fromJSDate(event?.startDate.toJSDate() as Date);
    expect(start.toMillis()).toBe(expected.toMillis());
    expect(start.setZone('Europe/Berlin').toFormat('yyyy-MM-dd HH:mm')).toBe(`${eventDay} 18:00`);
    const newYork = start.setZone('America/New_York');
    // New York is five or six hours behind Berlin, whichever of the two has changed its clocks by then.
    expect(newYork.toFormat('mm')).toBe('00');
    expect(newYork.hour).toBe(18 - (expected.offset - newYork.offset) / 60);
    expect([12, 13]).toContain(newYork.hour);
  });

  it('resets the links with me calendar reset:True for a leader, in Russian', async () => {
    const before = linksIn((await send(discordMe('calendar', {}, { locale: 'ru' }))).body.data.content);
    const member = await send(discordMe('calendar', { reset: true }, { user: '777777777777777777', locale: 'ru' }));
    expect(member.body.data.content).toContain('только лидеры');
    expect((await fetchFeed(t, before.community)).status).toBe(200);
    const id = String(interaction++);
    const reset = await send(discordMe('calendar', { reset: true }, { locale: 'ru', id }));
    expect(reset.body.data.content).toContain('прежние ссылки на календари больше не работают');
    expect((await fetchFeed(t, before.community)).status).toBe(404);
    const fresh = linksIn(reset.body.data.content);
    expect((await fetchFeed(t, fresh.community)).status).toBe(200);
    // Discord sending the same interaction again resets nothing twice: the new links keep working.
    const [key] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Calendar') as any[];
    await send(discordMe('calendar', { reset: true }, { locale: 'ru', id }));
    const [again] = (await allItems(t.db, t.tableName)).filter((i) => i.entity === 'Calendar') as any[];
    expect(again.feedKey).toBe(key.feedKey);
    expect((await fetchFeed(t, fresh.community)).status).toBe(200);
  });
});
