import type { Installations, PeopleDirectory, Person } from '@organizer/core';
import { DiscordError } from './errors.ts';

/** Inside Discord's 3 seconds, with room left for the command itself. */
export const PEOPLE_TIMEOUT_MS = 1500;
/** Discord's guild member search returns at most this many (it allows up to 1,000). */
const LIMIT = 25;

interface GuildMember {
  user?: { id?: string; username?: string; global_name?: string | null; bot?: boolean };
  nick?: string | null;
}

/** A guild member as core's `Person`: the unique username as handle, the global name and nickname beside it. */
export function personOf(member: GuildMember): Person | undefined {
  const user = member.user;
  if (!user?.id || !user.username || user.bot) return undefined;
  const names = [member.nick, user.global_name].filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  return { id: user.id, handle: user.username, names: [...new Set(names)] };
}

/**
 * Discord side of `PeopleDirectory`: the guild member search (`GET /guilds/{guild}/members/search`, which
 * matches the beginning of usernames and nicknames and needs no privileged intent). A 429, 5xx or timeout
 * throws: core answers that it could not look people up right now.
 */
export function discordPeople(options: { apiUrl: string; installations: Installations; timeoutMs?: number }): PeopleDirectory {
  const base = options.apiUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? PEOPLE_TIMEOUT_MS;
  return {
    find: async (tenant, query) => {
      const installation = await options.installations.forTenant(tenant);
      if (!installation) throw new DiscordError('NOT_INSTALLED', tenant.id);
      const search = new URLSearchParams({ query: query.slice(0, 100), limit: String(LIMIT) });
      const path = `/guilds/${encodeURIComponent(tenant.id)}/members/search?${search}`;
      const response = await fetch(`${installation.apiUrl?.replace(/\/$/, '') ?? base}${path}`, {
        headers: { authorization: `Bot ${installation.botToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw Object.assign(new Error(`Discord GET member search → ${response.status}`), { status: response.status });
      const members = (await response.json()) as unknown;
      return Array.isArray(members) ? members.flatMap((m) => personOf(m as GuildMember) ?? []) : [];
    },
  };
}
