import type { ScheduledEventFields, ScheduledEvents, ScheduledRefusal, Tenant } from '@organizer/core';

/** Discord's numbers for an event somewhere outside the server, seen only by its members, and cancelled. */
const EXTERNAL = 3;
const GUILD_ONLY = 2;
const CANCELED = 4;
/** Discord hands out an event's interested users 100 at a time; more than 1,000 are not read. */
const PAGE = 100;
const MAX_PAGES = 10;

/** The messenger's REST call: JSON in and out, thrown errors carrying the HTTP `status`; `retry: false` tries once. */
export type DiscordCall = (tenant: Tenant, method: string, path: string, body: unknown, retry?: boolean) => Promise<unknown>;

/** What Discord's refusal means for good; anything else (429, 5xx, network) is thrown on for the outbox to retry. */
async function refusalOf<T>(run: () => Promise<T>): Promise<T | ScheduledRefusal> {
  try {
    return await run();
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403) return 'forbidden';
    if (status === 404) return 'gone';
    if (status === 400) return 'refused';
    throw error;
  }
}

/** The JSON of a create or edit (an external event needs its end and its location). */
const bodyOf = (fields: ScheduledEventFields, creating: boolean) => ({
  name: fields.name,
  ...(fields.description || !creating ? { description: fields.description } : {}),
  scheduled_start_time: fields.start,
  scheduled_end_time: fields.end,
  entity_type: EXTERNAL,
  entity_metadata: { location: fields.location },
  privacy_level: GUILD_ONLY,
});

interface ListedEvent {
  id?: string;
  name?: string;
  scheduled_start_time?: string;
  entity_type?: number;
  entity_metadata?: { location?: string } | null;
}

/**
 * Guild Scheduled Events with the messenger's calls (its token, pacing and retries). The tenant is the
 * guild. They need Manage Events, which the default install does not ask for: `inviteUrl` gives the link
 * that does.
 */
export function discordScheduledEvents(call: DiscordCall, inviteUrl: () => Promise<string | undefined>): ScheduledEvents {
  const events = (tenant: Tenant) => `/guilds/${tenant.id}/scheduled-events`;
  return {
    inviteUrl,
    create: (tenant, fields) =>
      refusalOf(async () => {
        // Tried once: a create that timed out may have landed, and Discord takes no nonce for events. The
        // job's next attempt looks for it before making another.
        const made = (await call(tenant, 'POST', events(tenant), bodyOf(fields, true), false)) as { id?: unknown };
        if (typeof made.id !== 'string') throw new Error('Discord made a scheduled event without an id');
        return { id: made.id };
      }),
    find: async (tenant, fields) => {
      const listed = await refusalOf(async () => (await call(tenant, 'GET', events(tenant), undefined)) as ListedEvent[]);
      if (!Array.isArray(listed)) return undefined;
      const start = Date.parse(fields.start);
      return listed.find(
        (e) =>
          e.entity_type === EXTERNAL &&
          e.name === fields.name &&
          Date.parse(e.scheduled_start_time ?? '') === start &&
          e.entity_metadata?.location === fields.location,
      )?.id;
    },
    update: (tenant, id, fields) =>
      refusalOf(async () => {
        await call(tenant, 'PATCH', `${events(tenant)}/${id}`, bodyOf(fields, false));
        return 'saved' as const;
      }),
    cancel: (tenant, id) =>
      refusalOf(async () => {
        await call(tenant, 'PATCH', `${events(tenant)}/${id}`, { status: CANCELED });
        return 'saved' as const;
      }),
    interested: (tenant, id) =>
      refusalOf(async () => {
        const users: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const query = new URLSearchParams({ limit: String(PAGE), ...(after ? { after } : {}) });
          const got = (await call(tenant, 'GET', `${events(tenant)}/${id}/users?${query}`, undefined)) as {
            user?: { id?: string; bot?: boolean };
          }[];
          if (!Array.isArray(got)) break;
          for (const entry of got) if (entry.user?.id && !entry.user.bot) users.push(entry.user.id);
          // Pages come in user id order; the next starts after the last one.
          const last = got.at(-1)?.user?.id;
          if (got.length < PAGE || !last) break;
          after = last;
        }
        return users;
      }),
  };
}
