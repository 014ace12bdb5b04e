import { TargetExpired } from '@organizer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../../tests/support/recorder.ts';
import { discordAnswerer } from './answer-later.ts';
import { renderReply } from './render.ts';

describe('renderReply of an answer given later', () => {
  it('is a deferred channel message, ephemeral from the start', () => {
    expect(renderReply({ kind: 'later', view: 'me', text: 'Drawing your view…', admin: false })).toEqual({ type: 5, data: { flags: 64 } });
  });
});

describe('discordAnswerer', () => {
  const recorder = new Recorder();
  const installations = { forTenant: async () => ({ botToken: 'bot-token' }) };
  const tenant = { platform: 'discord', id: '555' } as const;
  const message = {
    text: 'Your view',
    blocks: [
      { type: 'text', text: 'Your view' },
      { type: 'actions', buttons: [{ id: 'task:done:555:1:t1', label: '1. Done' }] },
    ],
  } as const;
  let answer: ReturnType<typeof discordAnswerer>;
  beforeAll(async () => {
    await recorder
      .on('/webhooks/111/gone/messages/@original', () => ({ status: 404, body: { message: 'Unknown Webhook', code: 10015 } }))
      .on('/webhooks/111/bad/messages/@original', () => ({ status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } }))
      .on('/webhooks/111/busy/messages/@original', () => ({ status: 429, body: { retry_after: 1.5 } }))
      .start();
    answer = discordAnswerer({ apiUrl: `${recorder.url}/api/v10`, installations, timeoutMs: 2000 });
  });
  afterAll(() => recorder.stop());

  it('edits the deferred answer with the view and its buttons, pinging nobody, without the bot token', async () => {
    await answer(tenant, { applicationId: '111', token: 'tok' }, message);
    const [call] = recorder.callsTo('/api/v10/webhooks/111/tok/messages/@original');
    expect(call?.method).toBe('PATCH');
    expect(call?.headers.authorization).toBeUndefined();
    expect(call?.body.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(call?.body.components)).toContain('task:done:555:1:t1');
  });

  it('says a token past its life is expired (404 Unknown Webhook, 401), and names a 429 by status only', async () => {
    await expect(answer(tenant, { applicationId: '111', token: 'gone' }, message)).rejects.toBeInstanceOf(TargetExpired);
    await expect(answer(tenant, { applicationId: '111', token: 'bad' }, message)).rejects.toBeInstanceOf(TargetExpired);
    const busy = (await answer(tenant, { applicationId: '111', token: 'busy' }, message).catch((error: unknown) => error)) as Error;
    expect(busy).toMatchObject({ status: 429, retryAfterMs: 1500, message: 'Discord answer edit → 429' });
    expect(busy.message).not.toContain('busy');
  });
});
