import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema, loadConfig } from '../../functions/src/config.ts';

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

  it('rejects a Discord public key that is not 64 hex characters', () => {
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: 'not-hex' })).toThrow();
  });
});
