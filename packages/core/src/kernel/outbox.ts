import type { Tenant } from '../community/model.ts';
import type { Job } from './jobs.ts';
import type { Reply } from './reply.ts';

/**
 * The outbox: every effect a command or a job decides (a post, a DM, an update, follow-up work) is a job
 * kept in the table until it is delivered. A command's jobs are committed in one transaction with the
 * record of its interaction and its reply, so a repeat of the interaction finds the first answer and
 * causes nothing twice; delivery is separate, at least once, made effectively once by the delivery key
 * each job carries and the claims inside the jobs.
 */
export interface OutboxItem {
  /** Stable for the life of the delivery: the key of every message it sends, the claim of every count. */
  readonly id: string;
  readonly job: Job;
  /** Deliveries tried so far (a taken lease counts as one). */
  readonly attempts: number;
  /** When it may next be tried (its place in the ready index). */
  readonly readyAt: string;
  readonly createdAt: string;
  readonly lastError?: string;
}

/** One hand-over of jobs by a delivery: the delivery's item id and the hand-over's place in it (`0`, `1`, `undeliverable`). */
export interface DeliveryPart {
  readonly parent: string;
  readonly part: string;
}

/** State writes a command held back (opaque outside the store). */
export type HeldWrites = readonly unknown[];

/** The code of the error that says held writes no longer apply and the command should run again, writing directly. */
export const HELD_WRITES_CONFLICT = 'STORE.HELD_WRITES_CONFLICT';

/** What a repeated interaction finds. */
export type InteractionClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'done'; readonly reply: Reply }
  /** Another delivery of the same interaction is being handled right now. */
  | { readonly kind: 'pending' };

/** The outbox on the one table; implemented by `store-dynamodb`. */
export interface Outbox {
  /** Claims an interaction before anything is done for it; a repeat gets the first reply or 'pending'. */
  claimInteraction(tenant: Tenant, interactionId: string): Promise<InteractionClaim>;
  /** Lets go of a claimed interaction whose command failed unexpectedly, so a retry by the platform runs it. */
  releaseInteraction(tenant: Tenant, interactionId: string): Promise<void>;
  /**
   * Runs a command with its state writes held back (reads go out as usual), for `commit` to write them in
   * the same transaction as its effects. A write whose answer the command needs, or too many, go out at
   * once and the rest of the command writes directly.
   */
  holdWrites<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly writes: HeldWrites }>;
  /**
   * Commits a command's outcome in one transaction: the state writes it held, its reply under its
   * interaction (when it has one) and the jobs it caused. Returns the new items. Throws an error coded
   * `STORE.HELD_WRITES_CONFLICT` when the held writes no longer apply (a condition failed): the command
   * is then run again, writing directly.
   */
  commit(
    interaction: { readonly tenant: Tenant; readonly id: string; readonly reply: Reply } | undefined,
    jobs: readonly Job[],
    writes?: HeldWrites,
  ): Promise<OutboxItem[]>;
  /**
   * Adds jobs decided by a job (the worker), in batches. `from`: the delivery that decided them and which
   * of its hand-overs this is: the jobs then get ids derived from it and are added at most once, so a
   * delivery run again (it crashed after adding them, before it was marked done) adds nothing twice; such a
   * repeat returns no items.
   */
  add(jobs: readonly Job[], from?: DeliveryPart): Promise<OutboxItem[]>;
  /** Items ready at or before now, oldest first, at most `limit` (one bounded query per shard). */
  ready(limit: number): Promise<OutboxItem[]>;
  /**
   * Takes an item for one delivery attempt: moves it out of the ready index for `leaseMs` (if the taker
   * dies, it is ready again after that) and counts the attempt. undefined when someone else has it or it is done.
   */
  take(item: OutboxItem, leaseMs: number): Promise<OutboxItem | undefined>;
  /** Delivered: the item is removed. */
  done(item: OutboxItem): Promise<void>;
  /** Failed this time: ready again at `at`. */
  retry(item: OutboxItem, at: Date, error: string): Promise<void>;
  /** Failed for good: kept out of the ready index, counted on its community for leaders to see. */
  fail(item: OutboxItem, error: string): Promise<void>;
}

/** Minutes to wait after each failed attempt: about 17 hours in all before an item is given up. */
export const OUTBOX_BACKOFF_MINUTES = [0.5, 2, 5, 15, 30, 60, 120, 240, 480] as const;

/**
 * When a failed delivery is tried next, or undefined when it has had all its attempts. The wait is
 * spread by a jitter of up to a fifth, so items that failed together do not all come back together.
 */
export function nextAttemptAt(attempts: number, now: Date, jitter: number = Math.random()): Date | undefined {
  const minutes = OUTBOX_BACKOFF_MINUTES[attempts - 1];
  if (minutes === undefined) return undefined;
  return new Date(now.getTime() + minutes * 60_000 * (1 + jitter / 5));
}

/** Slack answers that say "not this time" rather than "never" (everything else `ok: false` is final). */
const SLACK_PASSING = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/**
 * True when the platform refused a message for good (Slack's own `ok: false` answer, a Discord 4xx other
 * than 429): trying again would fail the same way. Timeouts, 5xx and rate limits are worth another try.
 */
export function isUndeliverable(error: unknown): boolean {
  const e = error as { code?: unknown; data?: { error?: unknown }; status?: unknown; permanent?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (e.permanent === true) return true;
  if (e.code === 'slack_webapi_platform_error') return !SLACK_PASSING.has(String(e.data?.error ?? ''));
  return typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== 408;
}
