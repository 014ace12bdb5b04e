import { spawn } from 'node:child_process';
import { communityCommand } from '@organizer/discord/commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../support/recorder.ts';

/** Runs the script as `npm run discord:register` does, in a clean environment, without blocking the recorder. */
function register(env: Record<string, string>, args: string[] = [], script = 'scripts/register-discord-commands.ts') {
  return new Promise<{ status: number | null; output: string }>((done) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let output = '';
    proc.stdout.on('data', (c: Buffer) => (output += c));
    proc.stderr.on('data', (c: Buffer) => (output += c));
    proc.on('exit', (status) => done({ status, output }));
  });
}

describe('npm run discord:register', () => {
  const recorder = new Recorder().on('/commands', (call) => ({ body: call.body }));
  beforeAll(() => recorder.start());
  afterAll(() => recorder.stop());

  it('PUTs the runtime’s /community definition to the application commands endpoint', async () => {
    const { status, output } = await register({
      DISCORD_APPLICATION_ID: '111111111111111111',
      DISCORD_BOT_TOKEN: 'bot-token',
      DISCORD_API_URL: `${recorder.url}/api/v10`,
    });
    expect(output).toContain('Registered 1 command');
    expect(status).toBe(0);
    const [call] = recorder.calls;
    expect(call).toMatchObject({ method: 'PUT', path: '/api/v10/applications/111111111111111111/commands' });
    expect(call?.headers.authorization).toBe('Bot bot-token');
    expect(call?.body).toEqual(JSON.parse(JSON.stringify([communityCommand])));
  });

  it('explains what is missing instead of calling Discord without credentials', async () => {
    recorder.reset();
    const { status, output } = await register({ DISCORD_API_URL: `${recorder.url}/api/v10` });
    expect(status).toBe(1);
    expect(output).toContain('DISCORD_APPLICATION_ID');
    expect(recorder.calls).toEqual([]);
  });

  it('registers in one guild with --guild, and refuses a --guild without an id', async () => {
    recorder.reset();
    const env = {
      DISCORD_APPLICATION_ID: '111111111111111111',
      DISCORD_BOT_TOKEN: 'bot-token',
      DISCORD_API_URL: `${recorder.url}/api/v10`,
    };
    const { status, output } = await register(env, ['--guild', '555555555555555555']);
    expect(status).toBe(0);
    expect(output).toContain('in guild 555555555555555555');
    expect(recorder.calls[0]).toMatchObject({
      method: 'PUT',
      path: '/api/v10/applications/111111111111111111/guilds/555555555555555555/commands',
    });
    recorder.reset();
    const bad = await register(env, ['--guild']);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('--guild needs');
    expect(recorder.calls).toEqual([]);
  });

  it('prints the install link (npm run discord:invite)', async () => {
    const { status, output } = await register({ DISCORD_APPLICATION_ID: '111111111111111111' }, [], 'scripts/discord-invite.ts');
    expect(status).toBe(0);
    expect(output.trim()).toMatch(
      /^https:\/\/discord\.com\/oauth2\/authorize\?client_id=111111111111111111&scope=bot\+applications\.commands&permissions=\d+$/,
    );
  });
});
