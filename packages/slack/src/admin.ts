import { adminUnverified } from '@organizer/core';
import type { WebClient } from '@slack/web-api';
import { answerWithin, type UsersInfoCall } from './profile.ts';

/** How long an answer from `users.info` is trusted: a demoted admin is a leader for at most this long. */
export const ADMIN_CACHE_MS = 5 * 60_000;
/** Bounded, so a busy process does not remember every user it ever saw. */
export const ADMIN_CACHE_MAX = 5000;
/** Inside Slack's 3-second window, with room left for the command itself. */
export const ADMIN_TIMEOUT_MS = 1200;

export interface AdminCheckOptions {
  readonly now: () => Date;
  readonly timeoutMs?: number;
  readonly cacheMs?: number;
  readonly maxEntries?: number;
  /** `users.info` calls shared with the profile lookup (one call per person per command); its own call when not given. */
  readonly usersInfo?: (client: WebClient, teamId: string, userId: string) => UsersInfoCall;
}

/**
 * Whether a Slack user is a workspace admin or owner, from `users.info` with a short timeout and a
 * recent answer remembered per workspace and user. When Slack cannot be asked (timeout, 5xx, network),
 * it throws core's `ADMIN.UNVERIFIED` instead of answering "no": the user hears that their rights could
 * not be checked, not that only leaders may do this. Failures are not remembered.
 */
export function adminCheck(options: AdminCheckOptions) {
  const timeoutMs = options.timeoutMs ?? ADMIN_TIMEOUT_MS;
  const cacheMs = options.cacheMs ?? ADMIN_CACHE_MS;
  const maxEntries = options.maxEntries ?? ADMIN_CACHE_MAX;
  const answers = new Map<string, { admin: boolean; at: number }>();

  const remember = (key: string, admin: boolean, at: number) => {
    answers.delete(key);
    answers.set(key, { admin, at });
    // A Map keeps insertion order: the first key is the oldest answer.
    while (answers.size > maxEntries) answers.delete(answers.keys().next().value as string);
  };

  return async (client: WebClient, teamId: string, userId: string): Promise<boolean> => {
    const key = `${teamId}:${userId}`;
    const now = options.now().getTime();
    const cached = answers.get(key);
    if (cached && now - cached.at < cacheMs) return cached.admin;
    try {
      const call = options.usersInfo?.(client, teamId, userId) ?? { answer: client.users.info({ user: userId }), startedAt: now };
      // The deadline counts from the call's start: a call the language lookup began already used some of it.
      const { user } = await answerWithin(call, timeoutMs, options.now);
      const admin = Boolean(user?.is_admin || user?.is_owner);
      remember(key, admin, now);
      return admin;
    } catch (error) {
      throw adminUnverified(error);
    }
  };
}
