import type { Tenant } from '../community/model.ts';

/** What a Discord server's own event (a Guild Scheduled Event) shows, as Organizer sends it. */
export interface ScheduledEventFields {
  /** At most 100 characters. */
  readonly name: string;
  /** At most 1000 characters. */
  readonly description: string;
  /** Where it happens (an external event's location), at most 100 characters. */
  readonly location: string;
  /** ISO 8601 instants. */
  readonly start: string;
  readonly end: string;
}

/**
 * Why the platform did not do it, for good: `forbidden` (the bot lacks Manage Events), `gone` (someone
 * deleted the server's event), `refused` (it found the request invalid, e.g. a start already past).
 * Rate limits and server errors are thrown instead, so the outbox retries the job.
 */
export type ScheduledRefusal = 'forbidden' | 'gone' | 'refused';

/**
 * A server's own events (Discord's Events tab), kept beside Organizer's events in communities that opted
 * in. Optional on the messenger: platforms without them (Slack) have none.
 */
export interface ScheduledEvents {
  /** The install link that also asks for what these need (Manage Events); undefined when the app id is unknown. */
  inviteUrl(): Promise<string | undefined>;
  create(tenant: Tenant, fields: ScheduledEventFields): Promise<{ readonly id: string } | ScheduledRefusal>;
  /**
   * The id of a server event Organizer's bot already made with exactly these name and start (an earlier
   * attempt whose answer was lost), if there is one.
   */
  find(tenant: Tenant, fields: ScheduledEventFields): Promise<string | undefined>;
  update(tenant: Tenant, id: string, fields: ScheduledEventFields): Promise<'saved' | ScheduledRefusal>;
  /** Marks it cancelled (status CANCELED); the server keeps showing it as cancelled. */
  cancel(tenant: Tenant, id: string): Promise<'saved' | ScheduledRefusal>;
  /** The user ids of everyone who marked it Interested (bots left out). */
  interested(tenant: Tenant, id: string): Promise<readonly string[] | ScheduledRefusal>;
}
