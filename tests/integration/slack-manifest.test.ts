import { readFileSync } from 'node:fs';
import { slackManifest } from '@organizer/slack';
import { describe, expect, it } from 'vitest';

describe('slack-manifest.json', () => {
  it('matches the manifest the code generates (regenerate with `npm run slack:manifest -- --write`)', () => {
    const committed = JSON.parse(readFileSync('slack-manifest.json', 'utf8'));
    expect(committed).toEqual(slackManifest('https://YOUR-ORGANIZER-URL'));
  });

  it('sends the command, interactivity and events to the one /slack/events route', () => {
    const manifest = slackManifest('https://example.test/') as any;
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/community', url: 'https://example.test/slack/events' });
    expect(manifest.settings.interactivity.request_url).toBe('https://example.test/slack/events');
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://example.test/slack/events');
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read']));
  });
});
