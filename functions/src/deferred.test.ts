import type { Job } from '@organizer/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Recorder } from '../../tests/support/recorder.ts';
import { batches, lambdaDeferred, localDeferred } from './deferred.ts';
import { createLogger } from './log.ts';

const job = (n: number): Job => ({
  kind: 'send',
  tenant: { platform: 'slack', id: 'T1' },
  to: { member: `U${n}` },
  message: { text: `${n}`, blocks: [] },
});

describe('deferred', () => {
  const lambdaApi = new Recorder().on('/invocations', () => ({ status: 202, body: {} }));
  beforeAll(() => lambdaApi.start());
  afterAll(() => lambdaApi.stop());

  it('hands jobs to the worker as asynchronous invocations, in batches', async () => {
    const deferred = lambdaDeferred('organizer-worker', 'eu-west-1', {
      endpoint: lambdaApi.url,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await deferred.run(Array.from({ length: 120 }, (_, i) => job(i)));
    const calls = lambdaApi.callsTo('/invocations');
    expect(calls.map((c) => c.path)).toEqual(Array(3).fill('/2015-03-31/functions/organizer-worker/invocations'));
    expect(calls.every((c) => c.headers['x-amz-invocation-type'] === 'Event')).toBe(true);
    expect(calls.map((c) => JSON.parse(c.raw).jobs.length).sort()).toEqual([20, 50, 50]);
  });

  it('runs jobs in this process after the caller’s turn, logs failures, and tells when all are done', async () => {
    const ran: string[] = [];
    const lines: string[] = [];
    const deferred = localDeferred(
      async (j) => {
        if (j.kind === 'send' && 'member' in j.to && j.to.member === 'U2') throw new Error('unreachable');
        ran.push(j.kind === 'send' && 'member' in j.to ? j.to.member : '');
      },
      createLogger('error', (l) => lines.push(l)),
      2,
    );
    await deferred.run([job(1), job(2), job(3), job(4)]);
    expect(ran).toEqual([]);
    await deferred.idle();
    expect(ran.sort()).toEqual(['U1', 'U3', 'U4']);
    expect(lines.join()).toContain('unreachable');
    expect(batches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });
});
