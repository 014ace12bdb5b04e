import { isCoreError } from '@organizer/core';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { adminCheck } from './admin.ts';

/** A stand-in for the Web API client: `users.info` answers from `answer`, counting calls. */
function fakeClient(answer: (user: string) => Promise<{ user?: { is_admin?: boolean; is_owner?: boolean } }>) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        return answer(user);
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('adminCheck', () => {
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);

  it('asks users.info once and remembers the answer for five minutes', async () => {
    const isAdmin = adminCheck({ now: clock });
    const { client, calls } = fakeClient(async (user) => ({ user: { is_admin: user === 'UA', is_owner: user === 'UO' } }));
    expect(await isAdmin(client, 'T1', 'UA')).toBe(true);
    expect(await isAdmin(client, 'T1', 'UO')).toBe(true);
    expect(await isAdmin(client, 'T1', 'UM')).toBe(false);
    expect(await isAdmin(client, 'T1', 'UA')).toBe(true);
    expect(calls).toEqual(['UA', 'UO', 'UM']);
    now += 5 * 60_000;
    await isAdmin(client, 'T1', 'UA');
    expect(calls).toHaveLength(4);
  });

  it('throws ADMIN.UNVERIFIED when Slack fails or is too slow, and does not remember that', async () => {
    const isAdmin = adminCheck({ now: clock, timeoutMs: 30 });
    const failing = fakeClient(async () => Promise.reject(new Error('An HTTP protocol error occurred: statusCode = 500')));
    await expect(isAdmin(failing.client, 'T1', 'U1')).rejects.toSatisfy((e: unknown) => isCoreError(e, 'ADMIN.UNVERIFIED'));
    const hanging = fakeClient(() => new Promise(() => {}));
    const started = Date.now();
    await expect(isAdmin(hanging.client, 'T1', 'U1')).rejects.toSatisfy((e: unknown) => isCoreError(e, 'ADMIN.UNVERIFIED'));
    expect(Date.now() - started).toBeLessThan(1000);
    const working = fakeClient(async () => ({ user: { is_admin: true } }));
    expect(await isAdmin(working.client, 'T1', 'U1')).toBe(true);
  });

  it('keeps at most its bounded number of answers, forgetting the oldest', async () => {
    const isAdmin = adminCheck({ now: clock, maxEntries: 2 });
    const { client, calls } = fakeClient(async () => ({ user: { is_admin: false } }));
    for (const user of ['U1', 'U2', 'U3', 'U3', 'U2', 'U1']) await isAdmin(client, 'T1', user);
    expect(calls).toEqual(['U1', 'U2', 'U3', 'U1']);
  });
});
