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

export interface ProfileLookupOptions {
  readonly now: () => Date;
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly maxEntries?: number;
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

  const ask = async (client: WebClient, key: string, userId: string, at: number): Promise<PlatformProfile | undefined> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`users.info took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      const { user } = await Promise.race([client.users.info({ user: userId, include_locale: true }), timeout]);
      const profile = profileOf(user);
      remember(key, profile, at, cacheMs);
      return profile;
    } catch {
      remember(key, undefined, at, PROFILE_FAILURE_MS);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  return (client: WebClient, teamId: string, userId: string): Promise<PlatformProfile | undefined> => {
    const key = `${teamId}:${userId}`;
    const now = options.now().getTime();
    const cached = answers.get(key);
    if (cached && now - cached.at < cached.ttl) return Promise.resolve(cached.profile);
    // Two asks for one person at once (the reader's language, then setup's zone) share one call.
    const pending = asking.get(key) ?? ask(client, key, userId, now).finally(() => asking.delete(key));
    asking.set(key, pending);
    return pending;
  };
}
