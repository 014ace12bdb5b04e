/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * At most `limit` starts per `windowMs` for each key (a sliding window), e.g. Slack's one message per
 * second per channel or Discord's 50 requests per second per bot. Calls under different keys never wait
 * for each other; calls under one key keep their order.
 */
export class RateLimiter {
  private readonly starts = new Map<string, number[]>();
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Resolves when a call under `key` may start (and counts it as started). */
  acquire(key: string): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const turn = previous.then(async () => {
      for (;;) {
        const now = Date.now();
        const recent = (this.starts.get(key) ?? []).filter((at) => now - at < this.windowMs);
        if (recent.length < this.limit) {
          recent.push(now);
          this.starts.set(key, recent);
          return;
        }
        await sleep(this.windowMs - (now - (recent[0] ?? now)) + 1);
      }
    });
    this.tails.set(key, turn);
    // Forget idle keys so a long-running worker does not keep every channel it ever posted to.
    void turn.then(() => {
      setTimeout(() => this.tails.get(key) === turn && this.forget(key), this.windowMs).unref?.();
    });
    return turn;
  }

  private forget(key: string): void {
    this.tails.delete(key);
    this.starts.delete(key);
  }
}

/**
 * Runs `call`, retrying what the platform asks us to retry: a rate limit after the time it names, a
 * transient failure with exponential backoff. Anything else, or the last failure, is thrown: never dropped.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  classify: (error: unknown) => { retryAfterMs?: number; transient?: boolean },
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const { retryAfterMs, transient } = classify(error);
      if (attempt >= attempts || (retryAfterMs === undefined && !transient)) throw error;
      await sleep(retryAfterMs ?? 250 * 2 ** (attempt - 1));
    }
  }
}
