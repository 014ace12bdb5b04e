import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { testClock, tickAt } from '../support/clock.ts';
import { discordCommand, discordComponent, discordDmComponent, discordModalSubmit } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

const GUILD = '555555555555555555';
const CHANNEL = '222222222222222222';
const COORDINATOR = '333333333333333333';
const MEMBER = '444444444444444444';
/** A second guild whose community is English, for a Russian member there. */
const OTHER_GUILD = '666666666666666666';
const OTHER_CHANNEL = '777777777777777770';

const content = (body: any) =>
  [String(body?.data?.content ?? ''), ...(body?.data?.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

describe('Discord: the community speaks its coordinator’s language, each person their own', () => {
  let t: TestApp;
  let nextMessage = 910000000000000000n;
  beforeAll(async () => {
    t = await startTestApp('e2e-language-discord');
    t.recorder
      .on('/users/@me/channels', (call) => ({ body: { id: `dm-${call.body.recipient_id}`, type: 1 } }))
      .on('/messages', () => ({ body: { id: String(nextMessage++) } }));
    // The first request of a process loads the database client: done here, so a loaded machine cannot make the first test's command time out.
    await t.app.request(discordCommand('status', {}, { guild: '999999999999999999' }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const community = async (guild: string) => (await items('Community')).find((c) => c.pk === `discord#${guild}`);
  const posts = (channel: string) =>
    t.recorder.calls
      .filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`))
      .map((c) => JSON.stringify(c.body));

  it('sets up a community from a Russian client in Russian, and asks for the timezone with a button and a small modal', async () => {
    const setup = await send(discordCommand('setup', { name: 'Ливадия' }, { locale: 'ru' }));
    expect(setup.body.type).toBe(4);
    expect(content(setup.body)).toContain('Координатор');
    expect(content(setup.body)).toContain('В каком часовом поясе');
    const button = setup.body.data.components.flatMap((row: any) => row.components).find((c: any) => c.custom_id === 'setup:tz');
    expect(button?.label).toBe('Указать часовой пояс');
    expect(await community(GUILD)).toMatchObject({ locale: 'ru' });
    expect((await community(GUILD)).timezone).toBeUndefined();

    const modal = await send(discordComponent('setup:tz', { locale: 'ru' }));
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe('tz');
    expect(modal.body.data.title).toBe('Часовой пояс');
    expect(modal.body.data.components[0].component).toMatchObject({ custom_id: 'zone', placeholder: 'Europe/Moscow или город' });

    const bad = await send(discordModalSubmit('tz', { zone: 'Луна/Море' }, { locale: 'ru' }));
    expect(content(bad.body)).toContain('Луна/Море');
    expect((await community(GUILD)).timezone).toBeUndefined();
    const saved = await send(discordModalSubmit('tz', { zone: 'Europe/Moscow' }, { locale: 'ru' }));
    expect(content(saved.body)).toContain('Europe/Moscow');
    expect((await community(GUILD)).timezone).toBe('Europe/Moscow');
  });

  it('does not let a member who is not a leader open the timezone modal', async () => {
    const refused = await send(discordComponent('setup:tz', { user: MEMBER, locale: 'ru' }));
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.flags).toBe(64);
  });

  it('plans a stand-up typed without a zone in the community’s zone and posts its prompt in Russian', async () => {
    const saved = await send(
      discordModalSubmit(
        'standup',
        { name: 'Вечер', when: 'пн,ср,пт 18:00', questions: 'Что сделано?\nЧто дальше?\nГде нужна помощь?' },
        { locale: 'ru', selects: { participants: 'optin', delivery: 'channel' } },
      ),
    );
    expect(content(saved.body)).toContain('Стендап сохранён');
    await send(discordCommand('standup', { action: 'join' }, { locale: 'ru' }));
    const [schedule] = await items('StandupSchedule');
    expect(schedule.zone).toBe('Europe/Moscow');
    const due = (await items('Due')).find((d) => d.kind === 'standup');
    // 18:00 in Moscow (no daylight saving there) is 15:00 UTC, on a Monday, Wednesday or Friday.
    expect(due.minute.slice(11)).toBe('15:00');
    expect([1, 3, 5]).toContain(DateTime.fromISO(`${due.minute}:00Z`).setZone('Europe/Moscow').weekday);

    t.recorder.reset();
    await tickAt(t.deps, new Date(`${due.minute}:00Z`));
    const [prompt] = posts(CHANNEL);
    expect(prompt).toContain('Ответить');
    expect(prompt).toContain('Пропустить сегодня');
    expect(prompt).not.toContain('Skip today');
  });

  it('redraws the open prompt in the new language when a leader changes the community’s', async () => {
    const [run] = await items('StandupRun');
    expect(run.messageId).toBeDefined();
    t.recorder.reset();
    const changed = await send(discordCommand('lang', { locale: 'en' }, { locale: 'ru' }));
    expect(content(changed.body)).toContain('the community now speaks English');
    expect(content(changed.body)).toContain('The open stand-up prompt is redrawn in the new language.');
    await t.deps.idle();
    const edits = t.recorder.calls.filter((c) => c.method === 'PATCH' && c.path.endsWith(`/channels/${CHANNEL}/messages/${run.messageId}`));
    expect(edits).toHaveLength(1);
    expect(JSON.stringify(edits[0]?.body)).toContain('Skip today');
    expect(JSON.stringify(edits[0]?.body)).not.toContain('Пропустить');
    // Setting the language it already has redraws nothing.
    t.recorder.reset();
    const again = await send(discordCommand('lang', { locale: 'en' }));
    expect(content(again.body)).not.toContain('redrawn');
    await t.deps.idle();
    expect(t.recorder.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('remembers the language of a member’s direct-message click and writes their later reminder in it, in an English community', async () => {
    await send(discordCommand('setup', { name: 'Riverside' }, { guild: OTHER_GUILD, channel: OTHER_CHANNEL, locale: 'en-US' }));
    expect((await community(OTHER_GUILD)).locale).toBe('en');
    const dueDay = DateTime.fromJSDate(testClock.now()).setZone('UTC').plus({ days: 4 }).toISODate() as string;
    await send(
      discordCommand('task', { user: MEMBER, what: 'Print the flyers', due: dueDay }, { guild: OTHER_GUILD, channel: OTHER_CHANNEL }),
    );
    await t.deps.idle();
    const [task] = (await items('Task')).filter((i) => i.pk === `discord#${OTHER_GUILD}`);
    // The card went before anything was known of them: in the community's language.
    expect(posts(`dm-${MEMBER}`).at(-1)).toContain('asks you to take a task');

    // They accept from the DM with a Russian client: no guild in the payload, the locale remembered.
    const accepted = await send(discordDmComponent(`task:accept:${OTHER_GUILD}:${OTHER_CHANNEL}:${task.id}`, MEMBER, 'ru'));
    expect(accepted.status).toBe(200);
    expect(content(accepted.body)).not.toContain('accepted');
    const profile = (await items('Profile')).find((p) => p.pk === `discord#${OTHER_GUILD}` && p.userId === MEMBER);
    expect(profile).toMatchObject({ seenLocale: 'ru' });
    expect(profile.locale).toBeUndefined();
    await t.deps.idle();

    const reminder = (await items('Due'))
      .filter((d) => d.kind === 'task' && String(d.ref).startsWith(task.id))
      .sort((a, b) => a.minute.localeCompare(b.minute))[0];
    expect(reminder).toBeDefined();
    t.recorder.reset();
    await tickAt(t.deps, new Date(`${reminder.minute}:00Z`));
    const [sent] = posts(`dm-${MEMBER}`);
    expect(sent).toContain('Напоминание');
    expect(sent).toContain('«Riverside»');
  });

  it('keeps each reader’s replies in their Discord language while the community’s stays', async () => {
    const english = await send(discordCommand('status', {}, { guild: OTHER_GUILD, channel: OTHER_CHANNEL, user: COORDINATOR }));
    expect(content(english.body)).toContain('Relationships');
    const russian = await send(discordCommand('status', {}, { guild: OTHER_GUILD, channel: OTHER_CHANNEL, user: MEMBER, locale: 'ru' }));
    expect(content(russian.body)).toContain('Отношения');
    expect((await community(OTHER_GUILD)).locale).toBe('en');
  });
});

describe('Slack: setup reads the coordinator’s profile; `lang me` is one person’s own', () => {
  let t: TestApp;
  let ts = 5000;
  const profiles: Record<string, { locale?: string; tz?: string }> = {
    URU1: { locale: 'ru-RU', tz: 'Europe/Moscow' },
    UEN1: { locale: 'en-US', tz: 'America/New_York' },
  };
  beforeAll(async () => {
    t = await startTestApp('e2e-language-slack');
    t.recorder
      .on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${++ts}.0001` } }))
      .on('users.info', (call) => {
        const id = String(call.body.user);
        return { body: { ok: true, user: { id, is_admin: false, is_owner: false, ...profiles[id] } } };
      });
    await t.app.request(slashCommand('status', { team_id: 'T9', channel_id: 'C9', user_id: 'U9' }));
    t.recorder.reset();
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);
  const items = async (entity: string) => (await allItems(t.db, t.tableName)).filter((i) => i.entity === entity) as any[];
  const community = async (channel: string) => (await items('Community')).find((c) => c.id === channel);
  const postsTo = (channel: string) => t.recorder.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

  it('asks users.info with include_locale for a typed setup, and the community takes their language and profile zone', async () => {
    const res = await send(slashCommand('setup Соседи Ливадии', { channel_id: 'C1', user_id: 'URU1' }));
    const [asked] = t.recorder.callsTo('users.info');
    expect(asked?.body).toMatchObject({ user: 'URU1', include_locale: 'true' });
    const text = slackText(res.body);
    expect(text).toContain('Координатор');
    expect(text).toContain('Часовой пояс: *Europe/Moscow*, из вашего профиля');
    expect(await community('C1')).toMatchObject({ locale: 'ru', timezone: 'Europe/Moscow', coordinatorId: 'URU1' });
    expect((await items('Profile')).find((p) => p.userId === 'URU1')).toMatchObject({ seenLocale: 'ru' });
    // Remembered: the next command asks Slack nothing more.
    await send(slashCommand('status', { channel_id: 'C1', user_id: 'URU1' }));
    expect(t.recorder.callsTo('users.info')).toHaveLength(1);
  });

  it('opens the setup modal with the zone field prefilled from the profile and stores the zone submitted', async () => {
    t.recorder.reset();
    await send(slashCommand('setup', { channel_id: 'C2', user_id: 'UEN1' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    const zone = view.blocks.find((b: any) => b.block_id === 'zone');
    expect(zone.element.initial_value).toBe('America/New_York');
    expect(zone.label.text).toBe('Timezone');

    const refused = await send(
      viewSubmission('setup', { name: 'Green Street', goal: '', zone: 'Mars/Olympus' }, { user: 'UEN1', channel: 'C2' }),
    );
    expect(refused.body).toMatchObject({ response_action: 'errors', errors: { zone: expect.stringContaining('Mars/Olympus') } });
    expect(await community('C2')).toBeUndefined();

    // Read as `tz` reads it: a country with several zones asks which, a city names its zone.
    const several = await send(
      viewSubmission('setup', { name: 'Green Street', goal: '', zone: 'Russia' }, { user: 'UEN1', channel: 'C2' }),
    );
    expect(several.body).toMatchObject({ response_action: 'errors', errors: { zone: expect.stringContaining('Europe/Moscow') } });
    expect(await community('C2')).toBeUndefined();
    await send(viewSubmission('setup', { name: 'Green Street', goal: '', zone: 'Tokyo' }, { user: 'UEN1', channel: 'C2' }));
    expect(await community('C2')).toMatchObject({ name: 'Green Street', locale: 'en', timezone: 'Asia/Tokyo' });
  });

  it('asks a coordinator whose profile names no zone with a button, whose modal reads a city', async () => {
    t.recorder.reset();
    const res = await send(slashCommand('setup Hall Keepers', { channel_id: 'C3', user_id: 'U8' }));
    expect(slackText(res.body)).toContain('Which timezone does the community live in?');
    const button = res.body.blocks.find((b: any) => b.type === 'actions')?.elements[0];
    expect(button).toMatchObject({ action_id: 'setup:tz', text: { text: 'Set the timezone' } });
    await send(blockAction('setup:tz', { user: 'U8', channel: 'C3' }));
    const view = JSON.parse(String(t.recorder.callsTo('views.open')[0]?.body.view));
    expect(view).toMatchObject({ callback_id: 'tz', title: { text: 'Community timezone' } });
    await send(viewSubmission('tz', { zone: 'Moscow' }, { user: 'U8', channel: 'C3' }));
    const saved = await community('C3');
    expect(saved.timezone).toBe('Europe/Moscow');
    // Nothing said which language they speak: the deployment's default stays in force.
    expect(saved.locale).toBeUndefined();
  });

  it('lang me ru: that person’s replies and direct messages are Russian, the community’s posts stay English', async () => {
    // U7's Slack profile names no language: they read the community's, English.
    expect(slackText((await send(slashCommand('status', { channel_id: 'C2', user_id: 'U7' }))).body)).toContain('Relationships');
    const set = await send(slashCommand('lang me ru', { channel_id: 'C2', user_id: 'U7' }));
    expect(set.body.response_type).toBe('ephemeral');
    expect(slackText(set.body)).toContain('теперь я отвечаю вам по-русски');
    expect((await items('Profile')).find((p) => p.userId === 'U7')).toMatchObject({ locale: 'ru' });
    expect((await community('C2')).locale).toBe('en');

    expect(slackText((await send(slashCommand('status', { channel_id: 'C2', user_id: 'U7' }))).body)).toContain('Отношения');
    expect(slackText((await send(slashCommand('status', { channel_id: 'C2', user_id: 'UEN1' }))).body)).toContain('Relationships');

    t.recorder.reset();
    await send(slashCommand('task <@U7|ivan> Print the flyers', { channel_id: 'C2', user_id: 'UEN1' }));
    await send(slashCommand('celebrate Мы починили котёл', { channel_id: 'C2', user_id: 'U7' }));
    await t.deps.idle();
    expect(String(postsTo('U7')[0]?.body.text)).toContain('предлагает вам задачу');
    const [post] = postsTo('C2');
    expect(String(post?.body.text)).toContain('celebrates');
    expect(String(post?.body.text)).not.toContain('празднует');
  });

  it('lang me off follows the platform again; lang shows both languages; a typo changes nothing', async () => {
    const typo = await send(slashCommand('lang me klingon', { channel_id: 'C2', user_id: 'U7' }));
    expect(slackText(typo.body)).toContain('`/community lang me off`');
    expect((await items('Profile')).find((p) => p.userId === 'U7')).toMatchObject({ locale: 'ru' });
    const off = await send(slashCommand('lang me off', { channel_id: 'C2', user_id: 'U7' }));
    expect(slackText(off.body)).toContain('Slack or Discord language again (English now)');
    expect((await items('Profile')).find((p) => p.userId === 'U7')?.locale).toBeUndefined();
    const shown = slackText((await send(slashCommand('lang', { channel_id: 'C1', user_id: 'URU1' }))).body);
    expect(shown).toContain('Язык сообщества — русский');
  });
});
