import type { Installations, PeopleDirectory, Person, Tenant } from '@organizer/core';
import { webClients } from './clients.ts';
import { SlackError } from './errors.ts';

/** How long a workspace's member list is trusted: someone who joined a minute ago is found after at most this. */
export const PEOPLE_CACHE_MS = 5 * 60_000;
/** Workspaces remembered at once (the oldest list is dropped first). */
export const PEOPLE_CACHE_MAX = 200;
/** The whole listing must leave room in Slack's 3 seconds for the command itself. */
export const PEOPLE_TIMEOUT_MS = 1500;
/** Members per page (Slack allows up to 1,000) and pages read at most: 20,000 members. */
const PAGE = 1000;
const MAX_PAGES = 20;

interface SlackMember {
  id?: string;
  name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  real_name?: string;
  profile?: { display_name?: string; real_name?: string };
}

/** A Slack member as core's `Person`: the unique `name` as handle, the real name (shown in suggestions) and display name beside it. */
export function personOf(member: SlackMember): Person | undefined {
  if (!member.id || !member.name || member.deleted || member.is_bot || member.id === 'USLACKBOT') return undefined;
  const names = [member.profile?.real_name, member.real_name, member.profile?.display_name].filter(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  return { id: member.id, handle: member.name, names: [...new Set(names)] };
}

/**
 * Slack side of `PeopleDirectory`: the workspace's members from `users.list` (every page), kept per
 * workspace for a few minutes so a burst of commands lists once. A failed listing (429, 5xx, timeout)
 * throws and is not remembered.
 */
export function slackPeople(options: {
  apiUrl: string;
  installations: Installations;
  now: () => Date;
  cacheMs?: number;
  timeoutMs?: number;
}): PeopleDirectory {
  const cacheMs = options.cacheMs ?? PEOPLE_CACHE_MS;
  const timeoutMs = options.timeoutMs ?? PEOPLE_TIMEOUT_MS;
  const clientOf = webClients({ retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: timeoutMs });
  const lists = new Map<string, { at: number; people: Promise<Person[]> }>();

  const list = async (tenant: Tenant): Promise<Person[]> => {
    const installation = await options.installations.forTenant(tenant);
    if (!installation) throw new SlackError('NOT_INSTALLED', tenant.id);
    const client = clientOf(installation.botToken, installation.apiUrl ?? options.apiUrl);
    const people: Person[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await client.users.list({ limit: PAGE, ...(cursor ? { cursor } : {}) });
      for (const member of (result.members ?? []) as SlackMember[]) {
        const person = personOf(member);
        if (person) people.push(person);
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return people;
  };

  return {
    find: async (tenant) => {
      const now = options.now().getTime();
      const cached = lists.get(tenant.id);
      if (cached && now - cached.at < cacheMs) return cached.people;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`users.list took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      const people = Promise.race([list(tenant), timeout]).finally(() => clearTimeout(timer));
      lists.delete(tenant.id);
      lists.set(tenant.id, { at: now, people });
      while (lists.size > PEOPLE_CACHE_MAX) lists.delete(lists.keys().next().value as string);
      // A failure is not remembered: the next command asks again.
      people.catch(() => {
        if (lists.get(tenant.id)?.people === people) lists.delete(tenant.id);
      });
      return people;
    },
  };
}
