import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/app.ts';
import { functionUrlEvent, type LambdaResult } from '../support/lambda.ts';
import { Recorder } from '../support/recorder.ts';
import { slashCommand } from '../support/slack.ts';
import { allItems, createTestTable } from '../support/table.ts';

type Handler = (event: unknown, context: Context) => Promise<LambdaResult>;

describe('Lambda http handler (Function URL events)', () => {
  let handler: Handler;
  let table: Awaited<ReturnType<typeof createTestTable>>;
  const recorder = new Recorder();
  const context = { callbackWaitsForEmptyEventLoop: true, functionName: 'http', awsRequestId: 'req-1' } as Context;

  beforeAll(async () => {
    table = await createTestTable('e2e-lambda');
    await recorder.start();
    // The entry reads its configuration from the environment at cold start, as on AWS.
    Object.assign(process.env, testEnv(table.endpoint, table.tableName, recorder.url));
    handler = ((await import('../../functions/src/http.ts')) as unknown as { handler: Handler }).handler;
  });
  afterAll(() => recorder.stop());

  it('answers GET /healthz', async () => {
    const result = await handler(await functionUrlEvent(new Request('http://lambda/healthz')), context);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ ok: true });
  });

  it('sets up and reports a community from signed Slack requests, base64 bodies included', async () => {
    const setup = await handler(await functionUrlEvent(slashCommand('setup Green Street Tenants', { channel_id: 'C1' }), true), context);
    expect(setup.statusCode).toBe(200);
    expect(JSON.parse(setup.body).response_type).toBe('in_channel');
    const status = await handler(await functionUrlEvent(slashCommand('status', { channel_id: 'C1' })), context);
    expect(status.body).toContain('Green Street Tenants');
    expect(status.body).toContain('Events and campaigns');
    expect((await allItems(table.db, table.tableName)).filter((i) => i.entity === 'Community')).toHaveLength(1);
  });

  it('refuses a forged Slack request with 401 and writes nothing', async () => {
    const forged = await handler(await functionUrlEvent(slashCommand('setup Forged', { channel_id: 'C2' }, { secret: 'nope' })), context);
    expect(forged.statusCode).toBe(401);
    const rows = await allItems(table.db, table.tableName);
    expect(rows.filter((i) => i.entity === 'Community')).toHaveLength(1);
    expect(rows.some((i) => String(i.pk).includes('C2') || i.name === 'Forged')).toBe(false);
  });
});
