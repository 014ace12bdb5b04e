import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import viewFixture from '../fixtures/slack/view-submission.json' with { type: 'json' };
import { startTestApp } from '../support/app.ts';
import { testClock } from '../support/clock.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { newTriggerId, slackRequest, slashCommand } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const MOSCOW = 'Europe/Moscow';

/** Tuesday of next week (weeks start on Monday) at 17:00 in Moscow: what "next tuesday 5pm" means. */
const nextTuesdayFive = () =>
  DateTime.fromJSDate(testClock.now(), { zone: MOSCOW }).plus({ weeks: 1 }).startOf('week').plus({ days: 1 }).set({ hour: 17 });

/** A view_submission whose inputs are whatever Slack sends for each block (pickers included), as Slack form-encodes it. */
function submission(callbackId: string, values: Record<string, Record<string, unknown>>) {
  const payload = structuredClone(viewFixture) as Record<string, any>;
  payload.trigger_id = newTriggerId();
  payload.view.callback_id = callbackId;
  payload.view.private_metadata = JSON.stringify({ channelId: 'C1' });
  payload.view.state.values = Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value }]));
  return slackRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
}
const text = (value: string) => ({ type: 'plain_text_input', value });

describe('Slack: dates and timezones in words', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-dates-slack');
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('takes city and country names for the timezone, and asks which zone of a country with several', async () => {
    const asked = slackText((await send(slashCommand('tz Россия', as(COORDINATOR)))).body);
    expect(asked).toContain('Europe/Moscow');
    expect(asked).toContain('Asia/Vladivostok');
    expect((await items('Community'))[0].timezone).toBeUndefined();

    expect(slackText((await send(slashCommand('tz Москва', as(COORDINATOR)))).body)).toContain('Europe/Moscow');
    expect((await items('Community'))[0].timezone).toBe(MOSCOW);

    expect(slackText((await send(slashCommand('tz me new york', as('U5')))).body)).toContain('America/New_York');
    expect(slackText((await send(slashCommand('tz me Moscow', as('U6')))).body)).toContain('Europe/Moscow');
    const members = await items('Member');
    expect(members.find((m) => m.userId === 'U5')?.timezone).toBe('America/New_York');
    expect(members.find((m) => m.userId === 'U6')?.timezone).toBe(MOSCOW);

    expect(slackText((await send(slashCommand('tz me Atlantis', as('U7')))).body)).toContain('not a timezone I know');
    expect((await items('Member')).some((m) => m.userId === 'U7' && m.timezone)).toBe(false);
  });

  it('reads “by next tuesday 5pm” in the community’s zone and echoes the date and time it understood', async () => {
    const res = await send(slashCommand('task <@U2|ben> Book the hall by next tuesday 5pm', as(COORDINATOR)));
    const expected = nextTuesdayFive();
    const [task] = await items('Task');
    expect(task).toMatchObject({ title: 'Book the hall', ownerId: 'U2', due: { date: expected.toISODate(), dueAt: expected.toSeconds() } });
    expect(slackText(res.body)).toContain(`<!date^${expected.toSeconds()}^{date_short_pretty} {time}|`);
  });

  it('refuses a past date with the date it understood, and writes nothing', async () => {
    const before = (await items('Task')).length;
    const res = await send(slashCommand('task <@U2|ben> Call the landlord by 1 March 2020', as(COORDINATOR)));
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    expect(slackText(res.body)).toContain('already passed: Sun 1 Mar 2020 (Europe/Moscow)');
    expect(await items('Task')).toHaveLength(before);
    const away = await send(slashCommand('away until 2020-03-01', as('U6')));
    expect(slackText(away.body)).toContain('already passed');
    expect((await items('Member')).find((m) => m.userId === 'U6')?.awayUntil).toBeUndefined();
  });

  it('opens the campaign modal with a date picker and reads the picked date', async () => {
    t.recorder.reset();
    await send(slashCommand('campaign new', as(COORDINATOR)));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
    expect(view.blocks.find((b: any) => b.block_id === 'end').element).toMatchObject({ type: 'datepicker', action_id: 'value' });

    const end = DateTime.fromJSDate(testClock.now(), { zone: MOSCOW }).plus({ days: 60 }).toISODate() ?? '';
    const res = await send(
      submission('campaign', {
        name: text('Fix the boiler'),
        goal: text('Heating every winter'),
        end: { type: 'datepicker', selected_date: end },
      }),
    );
    expect(res.status).toBe(200);
    expect((await items('Campaign')).map((c) => [c.name, c.endDate])).toEqual([['Fix the boiler', end]]);
  });

  it('reads an event’s date-time picker as the instant it is, with the length from its own field', async () => {
    const startsAt = Math.floor(nextTuesdayFive().plus({ hours: 2 }).toSeconds());
    const res = await send(
      submission('event', {
        title: text('Tenants meeting'),
        when: { type: 'datetimepicker', selected_date_time: startsAt },
        length: text('90m'),
        place: text('Community hall'),
      }),
    );
    expect(res.status).toBe(200);
    expect((await items('Event')).map((e) => [e.title, e.startsAt, e.minutes])).toEqual([['Tenants meeting', startsAt, 90]]);

    const past = await send(
      submission('event', {
        title: text('Yesterday’s meeting'),
        when: { type: 'datetimepicker', selected_date_time: testClock.seconds() - 86_400 },
        place: text('Community hall'),
      }),
    );
    expect(past.body.errors.when).toContain('already passed');
    expect(past.body.errors.when).toContain('(Europe/Moscow)');
    expect(await items('Event')).toHaveLength(1);
  });
});

describe('Slack: a stand-up’s days and time from pickers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-dates-standup');
    await t.app.request(slashCommand('setup Green Street Tenants', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('saves the checked days, the picked time, the zone and the window', async () => {
    t.recorder.reset();
    await send(slashCommand('standup set', { channel_id: 'C1', user_id: COORDINATOR }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open').at(-1)?.body.view));
    const when = view.blocks.find((b: any) => b.block_id === 'when');
    expect(when.label.text).toBe('Days');
    expect(when.element.options.map((o: any) => o.value)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(when.element.initial_options.map((o: any) => o.value)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(view.blocks.find((b: any) => b.block_id === 'at').element).toMatchObject({ type: 'timepicker', initial_time: '09:00' });

    const checked = (value: string, label: string) => ({ text: { type: 'plain_text', text: label, emoji: true }, value });
    const res = await send(
      submission('standup', {
        name: text('Weekly'),
        when: { type: 'checkboxes', selected_options: [checked('mon', 'Monday'), checked('wed', 'Wednesday'), checked('fri', 'Friday')] },
        at: { type: 'timepicker', selected_time: '18:30' },
        zone: text('Europe/Moscow'),
        window: text('2h'),
        questions: text('What did you do?'),
        participants: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Everyone' }, value: 'optin' } },
        delivery: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Channel' }, value: 'channel' } },
      }),
    );
    expect(res.status).toBe(200);
    expect((await items('StandupSchedule')).map((s) => [s.name, s.days, s.time, s.zone, s.windowMinutes])).toEqual([
      ['Weekly', [1, 3, 5], '18:30', MOSCOW, 120],
    ]);
  });
});

describe('Discord: dates in Russian', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-dates-discord');
    await t.app.request(discordCommand('setup', { name: 'Ливадия соседи' }, { locale: 'ru' }));
  });
  afterAll(() => t.stop());
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    return { status: res.status, body: JSON.parse(await res.text()) };
  };
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];

  it('reads “в следующий вторник 17:00” in the community’s zone named in Russian', async () => {
    const tz = await send(discordCommand('tz', { zone: 'Москва' }, { locale: 'ru' }));
    expect(tz.body.data.content).toContain('Europe/Moscow');
    const res = await send(
      discordCommand('task', { user: '444444444444444444', what: 'Забронировать зал', due: 'в следующий вторник 17:00' }, { locale: 'ru' }),
    );
    const expected = nextTuesdayFive();
    const [task] = await items('Task');
    expect(task).toMatchObject({ title: 'Забронировать зал', due: { date: expected.toISODate(), dueAt: expected.toSeconds() } });
    expect(res.body.data.content).toContain(`<t:${expected.toSeconds()}:f>`);
    expect(res.body.data.flags).toBe(64);
  });

  it('refuses a past date in Russian with the date it understood, and writes nothing', async () => {
    const res = await send(
      discordCommand('task', { user: '444444444444444444', what: 'Позвонить', due: '1 марта 2020' }, { locale: 'ru' }),
    );
    expect(res.body.data.content).toContain('Эта дата уже прошла: вс 1 мар. 2020 (Europe/Moscow)');
    expect(res.body.data.flags).toBe(64);
    expect(await items('Task')).toHaveLength(1);
  });
});
