import { describe, expect, it } from 'vitest';
import { RateLimiter, withRetries } from './rate.ts';

describe('RateLimiter', () => {
  it('spaces calls under one key and lets other keys through at once', async () => {
    const limiter = new RateLimiter(2, 200);
    const started: [string, number][] = [];
    const t0 = Date.now();
    await Promise.all(
      ['a', 'a', 'a', 'b', 'b'].map(async (key) => {
        await limiter.acquire(key);
        started.push([key, Date.now() - t0]);
      }),
    );
    const a = started.filter(([k]) => k === 'a').map(([, at]) => at);
    const b = started.filter(([k]) => k === 'b').map(([, at]) => at);
    expect(a[2]).toBeGreaterThanOrEqual(195);
    expect(Math.max(...b)).toBeLessThan(100);
  });
});

describe('withRetries', () => {
  it('retries after the time the platform names, then succeeds once', async () => {
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw Object.assign(new Error('429'), { retryAfterMs: 10 });
        return 'ok';
      },
      (error) => ({ retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs }),
    );
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('throws what is not retryable, and the last failure when attempts run out', async () => {
    await expect(
      withRetries(
        async () => Promise.reject(new Error('bad')),
        () => ({}),
      ),
    ).rejects.toThrow('bad');
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls++;
          throw new Error('down');
        },
        () => ({ retryAfterMs: 1 }),
        3,
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(3);
  });
});
