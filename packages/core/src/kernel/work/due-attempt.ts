import type { Community } from '../../community/model.ts';
import { personLocale } from '../context.ts';
import { t } from '../i18n/translate.ts';
import { plainMessage } from '../jobs.ts';
import type { CoreDeps, DueItem } from '../ports.ts';
import { type Minute, minuteAfter, minuteOf, minuteStart } from '../schedule.ts';

/** Attempts after which a delivery that keeps failing is given up and its owner told (about a day of retries). */
export const MAX_ATTEMPTS = 24;

/**
 * Minutes until a held item is looked at again if this attempt fails or never finishes: 5 at first, half
 * its lateness as it keeps failing, at most an hour. So one broken channel costs a few tries an hour, not
 * one a minute, and a job is never taken twice while it is still running.
 */
export function retryDelay(lateMinutes: number): number {
  return Math.min(60, Math.max(5, Math.floor(lateMinutes / 2)));
}

/** One attempt at a due item, as its delivery sees it. */
export interface DueAttempt {
  /** The item as held (attempts counted, this one included). */
  readonly held: DueItem;
  readonly now: Date;
  /** How many minutes after its due minute this attempt runs. */
  readonly late: number;
  /** Whom to tell, and about what, if it keeps failing; `to` is where a recurring item moves on to then. */
  owner(userId: string, what: string, to?: Minute): void;
}

/**
 * One delivery attempt of a due item. The item is held first (a second tick, or an overlapping one, finds
 * it taken), `deliver` runs, and only once it succeeded is the item moved to the minute it returns (removed
 * when undefined). A failure leaves the item held until its retry; after {@link MAX_ATTEMPTS} the owner is
 * told once and the item moved on (recurring) or dropped (one-off). The failure is thrown for the worker to log.
 */
export async function attemptDue(
  community: Community,
  item: DueItem,
  deps: CoreDeps,
  deliver: (attempt: DueAttempt) => Promise<Minute | undefined>,
): Promise<void> {
  const now = deps.now();
  const late = Math.max(0, Math.floor((now.getTime() - minuteStart(item.minute).getTime()) / 60_000));
  const held = await deps.due.hold(item, minuteOf(now), minuteAfter(now, retryDelay(late)));
  if (!held) return;
  let owner: { userId: string; what: string; to?: Minute } | undefined;
  const attempt: DueAttempt = { held, now, late, owner: (userId, what, to) => (owner = { userId, what, ...(to ? { to } : {}) }) };
  let next: Minute | undefined;
  try {
    next = await deliver(attempt);
  } catch (error) {
    if ((held.attempts ?? 0) >= MAX_ATTEMPTS) await giveUp(community, held, owner, deps);
    throw error;
  }
  await deps.due.advance(held, next);
}

async function giveUp(
  community: Community,
  held: DueItem,
  owner: { userId: string; what: string; to?: Minute } | undefined,
  deps: CoreDeps,
) {
  const { tenant } = community;
  const key = `gaveup#${tenant.platform}#${tenant.id}#${community.id}#${held.kind}#${held.ref}#${held.minute}`;
  if (owner && (await deps.due.claim(key))) {
    const text = t(await personLocale(deps, community, owner.userId), 'due.gaveUp', { what: owner.what });
    // Best effort: the same platform may be refusing this message too, and the item is given up either way.
    await deps.messenger.notifyMember(tenant, owner.userId, plainMessage(text)).catch(() => undefined);
  }
  await deps.due.advance(held, owner?.to);
}

/**
 * Claims a delivery, runs it, and gives the claim back if it failed, so the retry of a held item
 * delivers what did not go out and nothing that did.
 */
export async function claimed(deps: CoreDeps, key: string, send: () => Promise<unknown>): Promise<void> {
  if (!(await deps.due.claim(key))) return;
  try {
    await send();
  } catch (error) {
    await deps.due.release(key);
    throw error;
  }
}
