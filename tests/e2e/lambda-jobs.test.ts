import { newCommunity } from '@organizer/core';
import { DynamoCommunityStore, DynamoDueStore, DynamoStandupStore } from '@organizer/store-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/app.ts';
import { Recorder } from '../support/recorder.ts';
import { allItems, createTestTable } from '../support/table.ts';

type Worker = (event: { jobs?: unknown[] }) => Promise<{ done: number; failed: number }>;
type Scheduler = () => Promise<{ jobs: number; late: number }>;
const tenant = { platform: 'slack', id: 'T0001' } as const;

describe('Lambda scheduler and worker entries', () => {
  let worker: Worker;
  let scheduler: Scheduler;
  let table: Awaited<ReturnType<typeof createTestTable>>;
  let ts = 1;
  const recorder = new Recorder().on('chat.postMessage', (call) =>
    call.body.channel === 'CGONE'
      ? { body: { ok: false, error: 'channel_not_found' } }
      : { body: { ok: true, channel: call.body.channel, ts: `${ts++}.0001` } },
  );

  beforeAll(async () => {
    table = await createTestTable('e2e-lambda-jobs');
    await recorder.start();
    // The entries read their configuration from the environment at cold start, as on AWS.
    Object.assign(process.env, testEnv(table.endpoint, table.tableName, recorder.url));
    worker = ((await import('../../functions/src/worker.ts')) as unknown as { handler: Worker }).handler;
    scheduler = ((await import('../../functions/src/scheduler.ts')) as unknown as { handler: Scheduler }).handler;
  });
  afterAll(() => recorder.stop());

  it('the worker delivers a batch, and fails the invocation when a delivery failed (so the alarm sees it)', async () => {
    const send = (to: object) => ({ kind: 'send', tenant, to, message: { text: 'Hello', blocks: [{ type: 'text', text: 'Hello' }] } });
    expect(await worker({ jobs: [send({ member: 'U2' }), send({ channel: 'C1' })] })).toEqual({ done: 2, failed: 0 });
    // The two run side by side: each is delivered once, in whichever order they finish.
    expect(
      recorder
        .callsTo('chat.postMessage')
        .map((c) => c.body.channel)
        .sort(),
    ).toEqual(['C1', 'U2']);
    await expect(worker({ jobs: [send({ channel: 'CGONE' }), send({ member: 'U3' })] })).rejects.toThrow('1 of 2 jobs failed');
    expect(recorder.callsTo('chat.postMessage').map((c) => c.body.channel)).toContain('U3');
  });

  it('the scheduler reads what is due by now and delivers in-process when no worker function is configured', async () => {
    const now = new Date();
    const community = newCommunity({ tenant, id: 'C1', name: 'Green Street', coordinatorId: 'U1', createdAt: now.toISOString() });
    await new DynamoCommunityStore(table.db, table.tableName).create(community);
    await new DynamoStandupStore(table.db, table.tableName).saveSchedule(tenant, {
      id: 'daily',
      communityId: 'C1',
      name: 'Daily',
      channelId: 'C1',
      days: [1, 2, 3, 4, 5, 6, 7],
      time: '09:00',
      zone: 'UTC',
      questions: ['Done?', 'Next?', 'Help?'],
      participants: 'optin',
      delivery: 'channel',
      windowMinutes: 240,
      members: ['U2'],
      createdBy: 'U1',
      updatedAt: now.toISOString(),
    });
    await new DynamoDueStore(table.db, table.tableName, () => now).put({
      tenant,
      communityId: 'C1',
      kind: 'standup',
      ref: 'daily',
      minute: now.toISOString().slice(0, 16),
    });
    recorder.reset();
    expect((await scheduler()).jobs).toBe(1);
    const [prompt] = recorder.callsTo('chat.postMessage');
    expect(prompt?.body.channel).toBe('C1');
    expect(String(prompt?.body.text)).toContain('Daily');
    const rows = await allItems(table.db, table.tableName);
    expect(rows.filter((i) => i.entity === 'StandupRun')).toMatchObject([{ status: 'posted' }]);
    // Moved on only after the post: to the next 09:00, after now.
    const [due] = rows.filter((i) => i.entity === 'Due' && i.kind === 'standup');
    expect(String(due?.minute) > now.toISOString().slice(0, 16)).toBe(true);
    expect(String(due?.minute).slice(11)).toBe('09:00');
  });
});
