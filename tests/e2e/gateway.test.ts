import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGateway } from '../../functions/src/gateway.ts';
import type { Connection } from '../../functions/src/socket-mode.ts';
import { startTestApp, testEnv } from '../support/app.ts';
import { discordCommand, discordComponent, discordModalSubmit } from '../support/discord.ts';
import { DiscordGatewayServer } from '../support/discord-gateway.ts';
import { type RecordedCall, Recorder } from '../support/recorder.ts';
import { slashCommand } from '../support/slack.ts';
import { envelopePayload, SlackSocketServer } from '../support/slack-socket.ts';
import { allItems, createTestTable, stateItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Everything a user would read in an interaction response. */
const textOf = (body: any): string =>
  [body?.data?.content ?? '', ...(body?.data?.embeds ?? []).map((e: any) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n');

/** Polls until `find` returns something (the client answers asynchronously), failing after a few seconds. */
async function eventually<T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends what the HTTP test would POST as an INTERACTION_CREATE dispatch; resolves with the callback that answered it. */
async function interact(gateway: DiscordGatewayServer, recorder: Recorder, request: Request): Promise<RecordedCall> {
  const interaction = (await request.json()) as { id: string; token: string };
  const path = `/discord/api/v10/interactions/${interaction.id}/${interaction.token}/callback`;
  gateway.dispatch('INTERACTION_CREATE', interaction);
  return eventually(`the callback of ${interaction.id}`, () => recorder.calls.find((c) => c.path === path));
}

describe('Discord over the gateway (npm run dev, no public URL)', () => {
  let t: TestApp;
  let gateway: DiscordGatewayServer;
  let connection: Connection | undefined;
  let gatewayBot: RecordedCall[] = [];
  beforeAll(async () => {
    gateway = await new DiscordGatewayServer().start();
    t = await startTestApp('e2e-gateway');
    t.recorder.on('/gateway/bot', () => ({ body: gateway.gatewayBot() }));
    connection = startGateway(t.deps.config, t.deps);
    await connection.ready;
    gatewayBot = t.recorder.callsTo('/gateway/bot');
  });
  afterAll(async () => {
    await connection?.stop();
    await gateway?.stop();
    await t?.stop();
  });
  beforeEach(() => t.recorder.reset());

  const send = async (request: Request) => {
    const callback = await interact(gateway, t.recorder, request);
    await t.deps.idle();
    expect(callback.method).toBe('POST');
    return callback.body as any;
  };

  it('asks DISCORD_API_URL for the gateway, identifies with the bot token and Guilds only, and keeps its heartbeat', async () => {
    expect(gatewayBot.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /discord/api/v10/gateway/bot']);
    expect(gatewayBot[0]?.headers.authorization).toBe('Bot discord-test-token');
    // JSON text frames, no zlib: nothing to decompress on either side.
    expect(gateway.connections).toEqual(['/?v=10&encoding=json']);
    const identify = gateway.received.find((p) => p.op === 2);
    expect(identify?.d).toMatchObject({ token: 'discord-test-token', intents: 1, compress: false, shard: [0, 1] });
    await eventually('a heartbeat', () => gateway.received.find((p) => p.op === 1));
    expect(gateway.connections).toHaveLength(1);
  });

  it('sets up a community from a slash command and answers through the interaction callback, then shows status', async () => {
    const setup = await send(discordCommand('setup', { name: 'Livadia Neighbours' }));
    expect(setup.type).toBe(4);
    expect(textOf(setup)).toContain('Livadia Neighbours');
    const state = await stateItems(t.db, t.tableName);
    expect(state.filter((i) => i.entity !== 'Profile')).toEqual([
      expect.objectContaining({ pk: 'discord#555555555555555555', name: 'Livadia Neighbours' }),
    ]);
    // The language the interaction came with, remembered for direct messages sent later.
    expect(state.filter((i) => i.entity === 'Profile')).toEqual([expect.objectContaining({ seenLocale: 'en' })]);

    const status = await send(discordCommand('status'));
    expect(status.data.flags).toBe(64);
    const text = textOf(status);
    for (const stage of [
      'Story',
      'Relationships',
      'Leadership team',
      'Strategy',
      'Expansion system',
      'Events and campaigns',
      'Next steps',
    ]) {
      expect(text).toContain(stage);
    }
  });

  it('opens the story modal and saves its submission, which status then shows', async () => {
    const open = await send(discordCommand('story', { action: 'questions' }));
    expect(open.type).toBe(9);
    expect(open.data.custom_id).toBe('story');
    expect(open.data.components).toHaveLength(5);

    const answers = {
      goal: 'Save the park',
      who: 'Neighbours of Livadia',
      how: 'Petition and meetings',
      when: 'By spring',
      vision: 'A green, shared park',
    };
    const saved = await send(discordModalSubmit('story', answers));
    expect(saved.data.flags).toBe(64);
    expect(textOf(saved)).toContain('2/5');
    expect((await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community')?.story).toEqual(answers);

    const status = await send(discordCommand('status'));
    expect(textOf(status)).toContain('A green, shared park');
    expect(textOf(status)).toContain('**Story**: 2/5');
  });

  it('handles a button click: the coach’s “write your story of self” opens its modal', async () => {
    const modal = await send(discordComponent('story:open:self', { user: '444444444444444444' }));
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe('story.self');
  });

  it('tells a user who runs the command in a direct message where to use it, as the endpoint does', async () => {
    const before = await allItems(t.db, t.tableName);
    const dm = await send(discordCommand('status', {}, { guild: null }));
    expect(textOf(dm)).toMatch(/server/);
    expect(await allItems(t.db, t.tableName)).toEqual(before);
  });

  it('closes the connection when stopped, and does not reconnect', async () => {
    const closed = gateway.closed;
    await connection?.stop();
    connection = undefined;
    await closed;
    await new Promise((r) => setTimeout(r, 700));
    expect(gateway.connections).toHaveLength(1);
    expect(t.recorder.calls).toEqual([]);
  });
});

describe('npm run dev', { timeout: 60_000 }, () => {
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  });

  /** Runs `functions/src/dev.ts` as `npm run dev` does; `log` is its output so far (one JSON line per entry). */
  function startDev(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'functions/src/dev.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', LOCAL_TICK: 'false', ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const logged = (msg: string) =>
      eventually(
        `"${msg}" in the output of npm run dev`,
        () =>
          output
            .split('\n')
            .filter((line) => line.startsWith('{'))
            .map((line) => JSON.parse(line) as Record<string, any>)
            .find((entry) => entry.msg === msg),
        // A process that starts under a loaded test run (tsx compiles on the fly) takes its time.
        30_000,
      ).catch((error: Error) => {
        throw new Error(`${error.message}; it said:\n${output}`);
      });
    return { child, exited, logged, output: () => output };
  }

  it('serves HTTP and connects to Slack over Socket Mode and Discord over the gateway, then stops cleanly', async () => {
    const slack = await new SlackSocketServer().start();
    const gateway = await new DiscordGatewayServer().start();
    const recorder = await new Recorder()
      .on('apps.connections.open', () => ({ body: { ok: true, url: slack.url } }))
      .on('/gateway/bot', () => ({ body: gateway.gatewayBot() }))
      .start();
    const table = await createTestTable('e2e-dev');
    try {
      const dev = startDev({ ...testEnv(table.endpoint, table.tableName, recorder.url), SLACK_APP_TOKEN: 'xapp-1-A123456-dev' });
      const listening = await dev.logged('Organizer is listening');
      await dev.logged('Slack Socket Mode connected');
      await dev.logged('Discord gateway connected');
      expect(await (await fetch(`${String(listening.url).replace('localhost', '127.0.0.1')}/healthz`)).json()).toEqual({ ok: true });

      const setup = await slack.send('slash_commands', await envelopePayload(slashCommand('setup Dev Tenants', { channel_id: 'C1' })));
      expect(setup.payload?.response_type).toBe('in_channel');
      expect(JSON.stringify(setup.payload)).toContain('Dev Tenants');
      const status = await interact(gateway, recorder, discordCommand('status'));
      expect(status.body).toMatchObject({ type: 4, data: { flags: 64 } });
      // Besides the community, the language Discord's interaction came with (remembered per person).
      const state = await stateItems(table.db, table.tableName);
      expect(state.filter((i) => i.entity !== 'Profile')).toEqual([expect.objectContaining({ pk: 'slack#T0001', name: 'Dev Tenants' })]);

      dev.child.kill('SIGTERM');
      expect(await dev.exited).toBe(0);
      await Promise.all([slack.closed, gateway.closed]);
    } finally {
      await Promise.all([slack.stop(), gateway.stop(), recorder.stop()]);
    }
  });

  it('says it runs HTTP-only, and why, when no platform connection is configured', async () => {
    const table = await createTestTable('e2e-dev-http');
    const env = {
      ...testEnv(table.endpoint, table.tableName, 'http://127.0.0.1:9'),
      DISCORD_INTERACTIONS_URL: 'https://example.org/discord/interactions',
    };
    const dev = startDev(env);
    const note = await dev.logged('Running HTTP-only: no platform connection to open');
    await dev.logged('Organizer is listening');
    expect(note.why).toEqual([
      expect.stringContaining('SLACK_APP_TOKEN is not set'),
      expect.stringContaining('DISCORD_INTERACTIONS_URL is set'),
    ]);
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
  });
});
