import type { PlatformProfile } from '@organizer/core';
import { toLocale } from '@organizer/core';
import type { WebClient } from '@slack/web-api';

/** A profile answer is trusted this long (a language or zone changed in Slack shows within it). */
export const PROFILE_CACHE_MS = 5 * 60_000;
/** A failed ask is not repeated for this long: while Slack is down each person costs one wait a minute, not one per command. */
export const PROFILE_FAILURE_MS = 60_000;
/** Bounded, so a busy process does not remember every user it ever saw. */
export const PROFILE_CACHE_MAX = 5000;
/**
 * Short: the language is a nicety the reply can do without (it falls back to the community's), and an
 * admin check may still have to ask Slack inside the same 3 seconds.
 */
export const PROFILE_TIMEOUT_MS = 700;

/** What `users.info` answers, as far as we read it. */
export type UsersInfoAnswer = { user?: { is_admin?: boolean; is_owner?: boolean; locale?: unknown; tz?: unknown } };

/** One `users.info` call and when it started, so each waiter's deadline counts from the call, not from when it joined. */
export interface UsersInfoCall {
  readonly answer: Promise<UsersInfoAnswer>;
  readonly startedAt: number;
}

/** A call is shared by everyone asking about the same person within this window (the language, then the admin check). */
const SHARE_MS = 10_000;

/**
 * `users.info` with `include_locale`, one call per person at a time: the reader's language and the admin
 * check of the same command ask once, and a slow Slack costs its wait once, not once per question.
 */
export function sharedUsersInfo(now: () => Date) {
  const calls = new Map<string, UsersInfoCall>();
  return (client: WebClient, teamId: string, userId: string): UsersInfoCall => {
    const at = now().getTime();
    for (const [key, call] of calls) if (at - call.startedAt >= SHARE_MS) calls.delete(key);
    const key = `${teamId}:${userId}`;
    const found = calls.get(key);
    if (found) return found;
    const call = { answer: client.users.info({ user: userId, include_locale: true }) as Promise<UsersInfoAnswer>, startedAt: at };
    // A failure is not shared with later askers (they ask again), and is no unhandled rejection here.
    call.answer.catch(() => calls.delete(key));
    calls.set(key, call);
    return call;
  };
}

/** Waits for a shared call at most until `timeoutMs` after it started. */
export async function answerWithin(call: UsersInfoCall, timeoutMs: number, now: () => Date): Promise<UsersInfoAnswer> {
  const left = Math.max(0, timeoutMs - (now().getTime() - call.startedAt));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`users.info took longer than ${timeoutMs} ms`)), left);
  });
  try {
    return await Promise.race([call.answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ProfileLookupOptions {
  readonly now: () => Date;
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly maxEntries?: number;
  /** The shared `users.info` calls (see `sharedUsersInfo`); one of its own when not given. */
  readonly usersInfo?: ReturnType<typeof sharedUsersInfo>;
}

/** A Slack user's locale and zone as `users.info` gives them with `include_locale` (`en-US`, `Europe/Moscow`). */
export function profileOf(user: { locale?: unknown; tz?: unknown } | undefined): PlatformProfile {
  const locale = toLocale(typeof user?.locale === 'string' ? user.locale : undefined);
  const timezone = typeof user?.tz === 'string' && user.tz ? user.tz : undefined;
  return { ...(locale ? { locale } : {}), ...(timezone ? { timezone } : {}) };
}

/**
 * Slack sends no locale with slash commands or interactions: a person's language and zone come from
 * `users.info` with `include_locale=true`, asked with a short timeout and remembered per workspace and
 * user (failures for a minute, as "unknown"). Never throws: a failure is undefined, and the caller falls
 * back to what it knows.
 */
export function profileLookup(options: ProfileLookupOptions) {
  const timeoutMs = options.timeoutMs ?? PROFILE_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? PROFILE_CACHE_MS;
  const maxEntries = options.maxEntries ?? PROFILE_CACHE_MAX;
  const answers = new Map<string, { profile: PlatformProfile | undefined; at: number; ttl: number }>();
  const asking = new Map<string, Promise<PlatformProfile | undefined>>();

  const remember = (key: string, profile: PlatformProfile | undefined, at: number, ttl: number) => {
    answers.delete(key);
    answers.set(key, { profile, at, ttl });
    // A Map keeps insertion order: the first key is the oldest answer.
    while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
  };

  const usersInfo = options.usersInfo ?? sharedUsersInfo(options.now);

  const ask = async (client: WebClient, teamId: string, userId: string, at: number): Promise<PlatformProfile | undefined> => {
    const key = `${teamId}:${userId}`;
    try {
      const { user } = await answerWithin(usersInfo(client, teamId, userId), timeoutMs, options.now);
      const profile = profileOf(user);
      remember(key, profile, at, cacheMs);
      return profile;
    } catch {
      remember(key, undefined, at, PROFILE_FAILURE_MS);
      return undefined;
    }
  };

  return (client: WebClient, teamId: string, userId: string): Promise<PlatformProfile | undefined> => {
    const key = `${teamId}:${userId}`;
    const now = options.now().getTime();
    const cached = answers.get(key);
    if (cached && now - cached.at < cached.ttl) return Promise.resolve(cached.profile);
    // Two asks for one person at once (the reader's language, then setup's zone) share one wait.
    const pending = asking.get(key) ?? ask(client, teamId, userId, now).finally(() => asking.delete(key));
    asking.set(key, pending);
    return pending;
  };
}
