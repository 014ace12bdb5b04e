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
      // Jitter, so callers that failed together do not retry together.
      await sleep(retryAfterMs ?? backoff(attempt, 250, 8000));
    }
  }
}

/**
 * "Full jitter" backoff: a random wait up to `baseMs · 2^(attempt-1)`, capped at `capMs`. Random rather
 * than fixed so that writers who collided spread out instead of colliding again in step.
 */
export function backoff(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** (attempt - 1)));
}

/**
 * An optimistic write retried while it conflicts, backing off with jitter: `write` returns its result,
 * or `'conflict'` when someone saved first. It gives up after `attempts` conflicts or once `budgetMs` has
 * passed (an interaction must be answered within Discord's 3 seconds) and returns `'conflict'`, for the
 * feature to answer with its own "changed while I was saving, try again": never the generic error.
 */
export async function retryOnConflict<T>(
  write: () => Promise<T | 'conflict'>,
  {
    attempts = 30,
    baseMs = 10,
    capMs = 300,
    budgetMs = 2400,
  }: { attempts?: number; baseMs?: number; capMs?: number; budgetMs?: number } = {},
): Promise<T | 'conflict'> {
  // Elapsed time only bounds the waiting; no decision depends on the hour, so the injected clock is not needed.
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const result = await write();
    if (result !== 'conflict' || attempt >= attempts) return result;
    const wait = backoff(attempt, baseMs, capMs);
    if (Date.now() - started + wait > budgetMs) return result;
    await sleep(wait);
  }
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every earlier task under `key` in this process has finished. Optimistic writes to one
 * item (RSVPs to one event) then take turns instead of colliding: one process (the local server, a warm
 * Lambda) has no conflicts among its own requests, and `retryOnConflict` settles those between processes.
 */
export function oneAtATime<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(task);
  const settled = turn.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => queues.get(key) === settled && queues.delete(key));
  return turn;
}
