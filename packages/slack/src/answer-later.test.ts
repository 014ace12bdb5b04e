import { TargetExpired } from '@organizer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { isAllowedResponseUrl, slackAnswerer } from './answer-later.ts';

const SLACK_API = 'https://slack.com/api/';

describe('isAllowedResponseUrl', () => {
  it('takes Slack’s own https hooks and nothing else in production', () => {
    expect(isAllowedResponseUrl('https://hooks.slack.com/commands/T1/1/abc', [SLACK_API])).toBe(true);
    expect(isAllowedResponseUrl('http://hooks.slack.com/commands/T1/1/abc', [SLACK_API])).toBe(false);
    expect(isAllowedResponseUrl('https://hooks.slack.com.evil.example/commands/T1/1/abc', [SLACK_API])).toBe(false);
    expect(isAllowedResponseUrl('https://evil.example/hooks.slack.com/', [SLACK_API])).toBe(false);
    expect(isAllowedResponseUrl('https://slack.com/api/chat.postMessage', [SLACK_API])).toBe(false);
    expect(isAllowedResponseUrl('not a url', [SLACK_API])).toBe(false);
  });

  it('takes the configured API’s host where it is not Slack’s (tests, the playground), and only that host', () => {
    const local = 'http://127.0.0.1:4555/slack/api/';
    expect(isAllowedResponseUrl('http://127.0.0.1:4555/commands/T1/1/hook', [local])).toBe(true);
    expect(isAllowedResponseUrl('http://127.0.0.1:4556/commands/T1/1/hook', [local])).toBe(false);
    expect(isAllowedResponseUrl('file:///etc/passwd', [local])).toBe(false);
    expect(isAllowedResponseUrl('http://127.0.0.1:4555/x', [SLACK_API, undefined])).toBe(false);
  });
});

describe('slackAnswerer', () => {
  const recorder = new Recorder();
  const installations = { forTenant: async () => ({ botToken: 'xoxb-test' }) };
  const tenant = { platform: 'slack', id: 'T1' } as const;
  const message = { text: 'Your view', blocks: [{ type: 'text', text: 'Your view' }] } as const;
  let answer: ReturnType<typeof slackAnswerer>;
  beforeAll(async () => {
    await recorder
      .on('/gone', () => ({ status: 404, body: 'expired_url' }))
      .on('/used', () => ({ status: 200, body: { ok: false, error: 'used_url' } }))
      .on('/down', () => ({ status: 500, body: {} }))
      .start();
    answer = slackAnswerer({ apiUrl: `${recorder.url}/slack/api/`, installations, timeoutMs: 2000 });
  });
  afterAll(() => recorder.stop());

  it('posts the view ephemerally, replacing the acknowledgement', async () => {
    await answer(tenant, `${recorder.url}/ok`, message);
    const [call] = recorder.callsTo('/ok');
    expect(call?.method).toBe('POST');
    expect(call?.body).toMatchObject({ response_type: 'ephemeral', replace_original: true, text: 'Your view' });
    expect(call?.headers.authorization).toBeUndefined();
  });

  it('says an expired or used url is expired, and a 5xx is worth another try (its message without the url)', async () => {
    await expect(answer(tenant, `${recorder.url}/gone`, message)).rejects.toBeInstanceOf(TargetExpired);
    await expect(answer(tenant, `${recorder.url}/used`, message)).rejects.toBeInstanceOf(TargetExpired);
    const failure = await answer(tenant, `${recorder.url}/down`, message).catch((error: unknown) => error as Error & { status: number });
    expect(failure).toMatchObject({ status: 500, message: 'Slack response_url → 500' });
  });

  it('refuses a url on another host before any request, for good', async () => {
    const before = recorder.calls.length;
    await expect(answer(tenant, 'https://evil.example/commands/T1/1/x', message)).rejects.toMatchObject({ permanent: true });
    expect(recorder.calls.length).toBe(before);
  });
});
