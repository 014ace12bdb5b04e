import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { slackManifest } from '@organizer/slack';
import { describe, expect, it } from 'vitest';
import { parseSlashText } from '../../packages/slack/src/parse.ts';

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

  it('has Slack escape the command text, which is what the parser reads people from', () => {
    const [command] = (slackManifest('https://example.test') as any).features.slash_commands;
    expect(command.should_escape).toBe(true);
    // Under should_escape a picked mention arrives as <@id|name> (enterprise users <@W…>), `&`, `<`, `>` escaped.
    expect(parseSlashText('assign <@U0B2|ben> outreach lead')).toEqual({ type: 'assign', userId: 'U0B2', role: 'outreach', lead: true });
    expect(parseSlashText('unassign <@W0C3> Events &amp; logistics')).toEqual({
      type: 'unassign',
      userId: 'W0C3',
      role: 'Events & logistics',
    });
    expect(parseSlashText('task <@U0B2> Print flyers &lt;A5&gt; by friday')).toMatchObject({ userId: 'U0B2', what: 'Print flyers <A5>' });
    expect(parseSlashText('next 2 <@U0B2|ben>')).toMatchObject({ type: 'next.assign', userId: 'U0B2' });
    expect(parseSlashText('1on1 log <@U0B2|ben> share')).toMatchObject({ type: 'oneonone.open', userId: 'U0B2', share: true });
    // A name typed without picking it from Slack's list stays plain text: core looks it up among the members.
    expect(parseSlashText('assign @ben outreach')).toEqual({ type: 'assign', userName: 'ben', role: 'outreach', lead: false });
  });

  it('can read the conversations it posts to, to settle a post whose outcome is unknown before retrying it', () => {
    const manifest = slackManifest('https://example.test') as any;
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['channels:history', 'groups:history', 'im:history', 'mpim:history']),
    );
  });

  it('asks for the uninstall events and names the OAuth redirect', () => {
    const manifest = slackManifest('https://example.test') as any;
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked']));
    expect(manifest.oauth_config.redirect_urls).toEqual(['https://example.test/slack/oauth_redirect']);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('turns the Home tab on and subscribes to its opening', () => {
    const manifest = slackManifest('https://example.test') as any;
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('in Socket Mode has no request URLs at all', () => {
    const manifest = slackManifest('http://localhost:3000', { socketMode: true }) as any;
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain('/slack/events');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('`npm run slack:manifest -- --url … [--socket]` prints it, and refuses what is not a URL', () => {
    const run = (...args: string[]) => execFileSync('npx', ['tsx', 'scripts/slack-manifest.ts', ...args], { encoding: 'utf8' });
    expect(JSON.parse(run('--url', 'https://org.example.org'))).toEqual(slackManifest('https://org.example.org'));
    expect(JSON.parse(run('--url', 'https://org.example.org', '--socket'))).toEqual(
      slackManifest('https://org.example.org', { socketMode: true }),
    );
    const bad = spawnSync('npx', ['tsx', 'scripts/slack-manifest.ts', '--url', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Not a URL');
  });
});
