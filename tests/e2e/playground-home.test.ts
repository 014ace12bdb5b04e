import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.ts';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Signed = { url: string; headers: Record<string, string>; body: string };
type Call = { n: number; platform: string; method: string; body: any; answer?: any };

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const scene = { platform: 'slack', space: 'TPLAYGREEN', channel: 'CPLAYORGANIZE', user: 'UPLAYANA', locale: 'en' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('playground sandbox: Home events, Home clicks and uploaded files', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('e2e-playground-home');
  });
  afterAll(() => t.stop());

  const sign = async (body: unknown) => (await fetch(`${t.url}/playground/request`, json(body))) as Response;
  const replay = (signed: Signed) => fetch(`${t.url}${signed.url}`, { method: 'POST', headers: signed.headers, body: signed.body });
  const calls = async (): Promise<Call[]> => ((await (await fetch(`${t.url}/playground/calls?since=0`)).json()) as { calls: Call[] }).calls;
  const slackApi = (method: string, body: Record<string, string>) =>
    fetch(`${t.url}/playground/api/slack/${method}`, { method: 'POST', body: new URLSearchParams(body) });

  it('signs app_home_opened for a Slack person, and Organizer answers it by publishing their Home to the sandbox', async () => {
    await replay((await (await sign({ scene, act: { kind: 'command', text: 'setup Green Street Tenants' } })).json()) as Signed);
    const signed = (await (await sign({ scene, act: { kind: 'home' } })).json()) as Signed;
    expect(signed.headers['content-type']).toBe('application/json');
    expect(JSON.parse(signed.body)).toMatchObject({
      type: 'event_callback',
      team_id: 'TPLAYGREEN',
      event: { type: 'app_home_opened', user: 'UPLAYANA', channel: 'DPLAYANA', tab: 'home' },
    });
    expect((await replay(signed)).status).toBe(200);
    const published = (await calls()).filter((c) => c.method === 'views.publish' && c.body.user_id === 'UPLAYANA');
    expect(published).toHaveLength(1);
    expect(published[0]?.body.view.type).toBe('home');
    const viewId = published[0]?.answer.view.id;
    expect(viewId).toMatch(/^V/);

    // Opened again (with the view it has): the same view id, as Slack keeps one Home per person.
    await replay((await (await sign({ scene, act: { kind: 'home', viewId } })).json()) as Signed);
    const again = (await calls()).filter((c) => c.method === 'views.publish' && c.body.user_id === 'UPLAYANA');
    expect(again).toHaveLength(2);
    expect(again[1]?.answer.view.id).toBe(viewId);
  });

  it('signs a Home click as Slack sends it, and never a Home for Discord, which has none', async () => {
    const signed = (await (
      await sign({ scene, act: { kind: 'click', home: true, viewId: 'VHOME1', actionId: 'home:refresh', label: 'Refresh' } })
    ).json()) as Signed;
    const payload = JSON.parse(new URLSearchParams(signed.body).get('payload') ?? '{}');
    expect(payload).toMatchObject({
      type: 'block_actions',
      container: { type: 'view', view_id: 'VHOME1' },
      view: { id: 'VHOME1', type: 'home', team_id: 'TPLAYGREEN' },
      actions: [{ action_id: 'home:refresh', type: 'button' }],
    });
    expect(payload.channel).toBeUndefined();
    expect(payload.message).toBeUndefined();
    expect(payload.response_url).toBeUndefined();
    const discord = {
      platform: 'discord',
      space: '900000000000000001',
      channel: '900000000000000101',
      user: '900000000000001001',
      locale: 'en',
    };
    expect((await sign({ scene: discord, act: { kind: 'home' } })).status).toBe(400);
    expect((await sign({ scene: discord, act: { kind: 'click', home: true, actionId: 'x' } })).status).toBe(400);
  });

  it('keeps the bytes uploaded to a Slack upload URL and serves a PNG as a picture, anything else only as a download', async () => {
    const target = (await (
      await slackApi('files.getUploadURLExternal', { filename: 'chart.png', length: '11', alt_text: 'A chart' })
    ).json()) as {
      upload_url: string;
      file_id: string;
    };
    expect(target.upload_url).toBe(`${t.url}/playground/api/slack/file_upload/${target.file_id}`);
    const uploaded = await fetch(target.upload_url, { method: 'POST', headers: { 'content-type': 'image/png' }, body: PNG });
    expect(uploaded.status).toBe(200);
    expect(await uploaded.text()).toBe(`OK - ${PNG.length}`);
    const shared = (await (
      await slackApi('files.completeUploadExternal', {
        files: JSON.stringify([{ id: target.file_id, title: 'chart.png' }]),
        channel_id: 'CPLAYORGANIZE',
      })
    ).json()) as { files: { url_private: string; alt_txt: string; mimetype: string }[] };
    expect(shared.files[0]).toMatchObject({ alt_txt: 'A chart', mimetype: 'image/png' });
    const served = await fetch(shared.files[0]?.url_private ?? '');
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    // A page of this origin can never be served from an upload.
    const page = (await (await slackApi('files.getUploadURLExternal', { filename: 'x.html', length: '5' })).json()) as {
      upload_url: string;
    };
    await fetch(page.upload_url, { method: 'POST', headers: { 'content-type': 'text/html' }, body: '<b>x</b>' });
    const html = (await (await fetch(page.upload_url.replace('/api/slack/file_upload/', '/files/'))).headers.get('content-type')) ?? '';
    expect(html).toBe('application/octet-stream');
    // An upload URL that was never handed out takes nothing; an unknown file is not found.
    expect((await fetch(`${t.url}/playground/api/slack/file_upload/FNOPE`, { method: 'POST', body: PNG })).status).toBe(400);
    expect((await fetch(`${t.url}/playground/files/FNOPE`)).status).toBe(404);
  });

  it('keeps a Discord message’s attachments and answers with each one’s url and description', async () => {
    const form = new FormData();
    form.append(
      'payload_json',
      JSON.stringify({ content: 'Report', attachments: [{ id: 0, filename: 'chart.png', description: 'Stages' }] }),
    );
    form.append('files[0]', new Blob([PNG], { type: 'image/png' }), 'chart.png');
    const created = await fetch(`${t.url}/playground/api/discord/channels/900000000000000101/messages`, { method: 'POST', body: form });
    const message = (await created.json()) as { content: string; attachments: { url: string; description: string; filename: string }[] };
    expect(message.content).toBe('Report');
    expect(message.attachments).toEqual([
      expect.objectContaining({ filename: 'chart.png', description: 'Stages', content_type: 'image/png' }),
    ]);
    expect(new Uint8Array(await (await fetch(message.attachments[0]?.url ?? '')).arrayBuffer())).toEqual(PNG);
    // A form that is no form is an empty message, never a 5xx.
    const odd = await fetch(`${t.url}/playground/api/discord/channels/900000000000000101/messages`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'garbage',
    });
    expect(odd.status).toBe(200);
  });
});
