import { describe, expect, it } from 'vitest';
import { backoff, oneAtATime, RateLimiter, retryOnConflict, sleep, withRetries } from './rate.ts';

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

describe('retryOnConflict', () => {
  it('retries a conflicting write with jittered waits until it saves', async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => (++calls < 4 ? 'conflict' : 'saved'), { baseMs: 1, capMs: 5 });
    expect([result, calls]).toEqual(['saved', 4]);
  });

  it('gives up with "conflict" after its attempts, for the feature to answer kindly', async () => {
    let calls = 0;
    const result = await retryOnConflict(
      async () => {
        calls++;
        return 'conflict' as const;
      },
      { attempts: 3, baseMs: 1, capMs: 2 },
    );
    expect([result, calls]).toEqual(['conflict', 3]);
  });
});

describe('backoff', () => {
  it('waits a random share of an exponential step, capped', () => {
    expect(backoff(1, 100, 1000, () => 0.5)).toBe(50);
    expect(backoff(4, 100, 1000, () => 0.999)).toBe(799);
    expect(backoff(10, 100, 1000, () => 0.999)).toBe(999);
    expect(backoff(3, 100, 1000, () => 0)).toBe(0);
  });
});

describe('oneAtATime', () => {
  it('runs tasks under one key in turn, and other keys alongside', async () => {
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([oneAtATime('a', task('a1', 20)), oneAtATime('a', task('a2', 1)), oneAtATime('b', task('b1', 1))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('end b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('goes on after a task that failed', async () => {
    await expect(oneAtATime('c', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await oneAtATime('c', async () => 'next')).toBe('next');
  });
});
