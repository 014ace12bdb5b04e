import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSchema, loadConfig } from '../../functions/src/config.ts';

/** The message loadConfig throws for these settings (it must throw). */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe('config', () => {
  it('documents every key in .env.example, and nothing else', () => {
    const documented = readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(documented.sort()).toEqual(Object.keys(ConfigSchema.shape).sort());
  });

  it('accepts the example file as it is and applies the runtime contract’s defaults', () => {
    const env = Object.fromEntries(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    const config = loadConfig(env);
    expect(config).toMatchObject({ PORT: 3000, TABLE_NAME: 'organizer', DATA_DIR: '.data', DEFAULT_LOCALE: 'en' });
    expect(config.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
    expect(loadConfig({}).SLACK_API_URL).toBe('https://slack.com/api/');
  });

  it('rejects a Discord public key that is not 64 hex characters, in one line naming the key, value and expectation', () => {
    expect(refusal({ DISCORD_PUBLIC_KEY: 'not-hex' })).toBe('DISCORD_PUBLIC_KEY="not-hex" is not valid: expected 64 hex characters');
  });

  it.each([
    [{ LOCAL_TICK: 'nope' }, 'LOCAL_TICK="nope" is not valid: expected true, false, 1 or 0'],
    [{ PLAYGROUND: 'yes' }, 'PLAYGROUND="yes" is not valid: expected true, false, 1 or 0'],
    [{ PORT: 'abc' }, 'PORT="abc" is not valid: expected a port number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT="70000" is not valid: expected a port number from 0 to 65535'],
    [{ DEFAULT_LOCALE: 'xx' }, 'DEFAULT_LOCALE="xx" is not valid: expected one of en, ru'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud" is not valid: expected one of debug, info, warn, error, silent'],
    [{ SLACK_API_URL: 'nope' }, 'SLACK_API_URL="nope" is not valid: expected a URL'],
    [{ TABLE_NAME: '' }, 'TABLE_NAME="" is not valid: expected a value that is not empty'],
  ])('refuses %o in exactly one line', (env, line) => {
    expect(refusal(env)).toBe(line);
  });

  it('shows only the start of a token it refuses', () => {
    expect(refusal({ SLACK_APP_TOKEN: 'xoxb-1234567890-secret' })).toBe(
      'SLACK_APP_TOKEN="xoxb-…" is not valid: expected an app-level token (xapp-…)',
    );
  });

  it('names every bad key, one line each', () => {
    expect(refusal({ PORT: 'x', LOCAL_TICK: 'maybe' }).split('\n')).toHaveLength(2);
  });

  it('reads yes/no settings as true, false, 1 or 0 in any case, and empty as unset', () => {
    expect(loadConfig({ LOCAL_TICK: '0' }).LOCAL_TICK).toBe(false);
    expect(loadConfig({ LOCAL_TICK: 'TRUE' }).LOCAL_TICK).toBe(true);
    expect(loadConfig({ LOCAL_TICK: '' }).LOCAL_TICK).toBe(true);
    expect(loadConfig({ PLAYGROUND: '1' }).PLAYGROUND).toBe('true');
    expect(loadConfig({ PLAYGROUND: 'False' }).PLAYGROUND).toBe('false');
    expect(loadConfig({ PLAYGROUND: '' }).PLAYGROUND).toBeUndefined();
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
  });
});
