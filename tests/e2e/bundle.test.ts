import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/app.ts';
import { discordCommand } from '../support/discord.ts';
import { functionUrlEvent, type LambdaResult } from '../support/lambda.ts';
import { Recorder } from '../support/recorder.ts';
import { slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems, createTestTable } from '../support/table.ts';

type Handler = (event: unknown, context: Context) => Promise<LambdaResult>;

/** The bundle that ships (code-split, Bolt's unused receivers stubbed) must behave like the source. */
describe('the bundled http function', () => {
  const outdir = mkdtempSync(join(process.cwd(), '.bundle-test-'));
  const recorder = new Recorder().on('views.open', () => ({ body: { ok: true } }));
  let handler: Handler;
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const context = { awsRequestId: 'bundle-test' } as Context;
  const call = async (request: Request) => handler(await functionUrlEvent(request), context);

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/bundle-http.mjs', outdir, 'node20']);
    table = await createTestTable('e2e-bundle');
    await recorder.start();
    Object.assign(process.env, testEnv(table.endpoint, table.tableName, recorder.url));
    handler = ((await import(join(outdir, 'index.mjs'))) as { handler: Handler }).handler;
  }, 60_000);
  afterAll(async () => {
    await recorder.stop();
    rmSync(outdir, { recursive: true, force: true });
  });

  it('runs Slack through Bolt: a modal via views.open, its submission saved, status read back', async () => {
    expect((await call(slashCommand('setup Bundled Tenants', { channel_id: 'C1' }))).statusCode).toBe(200);
    expect((await call(slashCommand('story questions', { channel_id: 'C1' }))).statusCode).toBe(200);
    expect(recorder.callsTo('views.open')).toHaveLength(1);
    expect((await call(viewSubmission('story', { goal: 'Warm homes', vision: 'Every flat heated' }, { channel: 'C1' }))).statusCode).toBe(
      200,
    );
    const status = await call(slashCommand('status', { channel_id: 'C1' }));
    expect(status.body).toContain('Every flat heated');
    expect((await allItems(table.db, table.tableName))[0]).toMatchObject({ story: { goal: 'Warm homes', vision: 'Every flat heated' } });
  });

  it('runs Discord without loading Bolt, and refuses forged requests', async () => {
    const status = await call(discordCommand('status', {}, { locale: 'ru', guild: 'G-bundle' }));
    expect(JSON.parse(status.body).data.content).toContain('/community setup');
    const forged = discordCommand('status');
    forged.headers.set('x-signature-ed25519', '00'.repeat(64));
    expect((await call(forged)).statusCode).toBe(401);
  });
});
