import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { tickAt } from '../support/clock.ts';
import { discordCommand, discordDmComponent, discordDmModalSubmit, discordModalSubmit } from '../support/discord.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = '333333333333333333';
const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const MEMBERS = { moscow: '444444444444444441', newYork: '444444444444444442', away: '444444444444444443' };

describe('Discord: stand-ups by direct message, each at the member’s own local time', () => {
  let t: TestApp;
  let nextMessage = 900000000000000000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-standups-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/threads', () => ({ body: { id: 'thread' } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
  });
  afterAll(() => t.stop());

  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const content = (body: any) => String(body?.data?.content ?? '');
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const tick = async (minute: string) => {
    await tickAt(t.deps, new Date(`${minute}:00Z`));
  };
  // Prompts only: a nudge an hour before the summary may go to someone prompted earlier in the day.
  const dmPosts = (user: string) =>
    t.recorder.calls.filter(
      (c) => c.method === 'POST' && c.path.endsWith(`/channels/dm-${user}/messages`) && !JSON.stringify(c.body).includes('gentle reminder'),
    );

  it('opens the stand-up modal with choices as selects, within Discord’s five components', async () => {
    await send(discordCommand('setup', { name: 'Riverside' }));
    const open = await send(discordCommand('standup', { action: 'set', name: 'Evening' }));
    expect(open.body.type).toBe(9);
    expect(open.body.data.components).toHaveLength(5);
    for (const label of open.body.data.components) expect(label.label.length).toBeLessThanOrEqual(45);
    expect(open.body.data.components[3].component).toMatchObject({ type: 3, custom_id: 'participants' });
    expect(open.body.data.components[0].component.value).toBe('Evening');
  });

  it('plans one due item per member timezone when prompts go by direct message', async () => {
    await send(discordCommand('tz', { zone: 'Europe/Moscow', me: true as never }, { user: MEMBERS.moscow }));
    await send(discordCommand('tz', { zone: 'America/New_York', me: true as never }, { user: MEMBERS.newYork }));
    await send(discordCommand('away', { until: '2099-12-31' }, { user: MEMBERS.away }));
    const saved = await send(
      discordModalSubmit(
        'standup',
        { name: 'Evening', when: 'daily 18:00 UTC', questions: 'Done?\nNext?\nHelp?' },
        { user: COORDINATOR, selects: { participants: 'optin', delivery: 'dm' } },
      ),
    );
    expect(content(saved.body)).toContain('Stand-up saved');
    for (const user of Object.values(MEMBERS)) await send(discordCommand('standup', { action: 'join' }, { user }));
    await t.deps.idle();
    const due = (await items('Due')).filter((d) => d.kind === 'standup').map((d) => [d.ref, d.minute.slice(11)]);
    expect(due.sort()).toEqual(
      [
        ['evening', '18:00'],
        ['evening@America/New_York', expect.stringMatching(/^2[23]:00$/)],
        ['evening@Europe/Moscow', '15:00'],
      ].sort(),
    );
  });

  it('posts the thread header at the stand-up’s time and each DM at the member’s 18:00, never to someone away', async () => {
    const due = (await items('Due')).filter((d) => d.kind === 'standup');
    const header = () => t.recorder.calls.filter((c) => c.path.endsWith(`/channels/${CHANNEL}/messages`));
    // Time moves forward: the three minutes in the order they come from now (which of them is first depends on the hour).
    const minutes = due.map((d) => [d.ref as string, d.minute as string] as const).sort((a, b) => a[1].localeCompare(b[1]));
    // A run is one local day: its thread header goes out with the first prompt of that day, whichever zone's comes first.
    const dayOf = (ref: string, minute: string) =>
      DateTime.fromISO(`${minute}:00Z`)
        .setZone(ref.split('@')[1] ?? 'UTC')
        .toISODate();
    const days = new Set<string | null>();
    t.recorder.reset();
    for (const [ref, minute] of minutes) {
      const before = { moscow: dmPosts(MEMBERS.moscow).length, newYork: dmPosts(MEMBERS.newYork).length, header: header().length };
      await tick(minute);
      // Each member's minute sends their DM, and only theirs; the stand-up's own minute posts the thread header.
      expect(dmPosts(MEMBERS.moscow).length - before.moscow, ref).toBe(ref === 'evening@Europe/Moscow' ? 1 : 0);
      expect(dmPosts(MEMBERS.newYork).length - before.newYork, ref).toBe(ref === 'evening@America/New_York' ? 1 : 0);
      const firstOfDay = !days.has(dayOf(ref, minute));
      days.add(dayOf(ref, minute));
      expect(header().length - before.header, ref).toBe(firstOfDay ? 1 : 0);
      if (firstOfDay) expect(JSON.stringify(header().at(-1)?.body)).toContain('answers gather in this thread');
    }
    expect(dmPosts(MEMBERS.away)).toHaveLength(0);
  });

  it('answers from the DM into the channel thread, and Edit patches that message', async () => {
    const runs = await items('StandupRun');
    const run = runs.find((r) => r.scheduleId === 'evening');
    const open = await send(discordDmComponent(`standup:answer:${GUILD}:${CHANNEL}:${run.id}`, MEMBERS.newYork));
    expect(open.body.type).toBe(9);
    const customId = open.body.data.custom_id;
    expect(customId.length).toBeLessThanOrEqual(100);
    t.recorder.reset();
    const answered = await send(discordDmModalSubmit(customId, { q0: 'Fixed the bike', q1: 'Paint', q2: 'Brushes' }, MEMBERS.newYork));
    expect(content(answered.body)).toContain('Thanks');
    expect(t.recorder.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `POST /discord/api/v10/channels/${CHANNEL}/messages/${run.messageId}/threads`,
      `POST /discord/api/v10/channels/${run.messageId}/messages`,
    ]);
    const [answer] = await items('StandupAnswer');
    t.recorder.reset();
    await send(discordDmModalSubmit(customId, { q0: 'Fixed two bikes', q1: 'Paint', q2: 'Brushes' }, MEMBERS.newYork));
    expect(t.recorder.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PATCH /discord/api/v10/channels/${answer.channelId}/messages/${answer.messageId}`,
    ]);
    expect(JSON.stringify(t.recorder.calls[0]?.body)).toContain('Fixed two bikes');
  });
});
