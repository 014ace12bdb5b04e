/**
 * The permissions Organizer's features need in a guild, and why (values pinned to discord-api-types by
 * the test beside this file; the runtime imports none of it).
 */
export const neededPermissions = {
  /** See the community's channel and its messages' threads. */
  ViewChannel: 1n << 10n,
  /** Stand-up prompts, event cards, notes, celebrations. */
  SendMessages: 1n << 11n,
  /** Edit our own cards in place needs nothing more; reading earlier messages to thread on them does. */
  ReadMessageHistory: 1n << 16n,
  /** Answers and reflections gather in a thread on the prompt or the shared story. */
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  /** Event links and export files. */
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
} as const;

/**
 * Asked for only when a leader turns on keeping events in the server's Events tab (`event action:server`):
 * making, editing and cancelling the server's own events.
 */
export const serverEventsPermission = { ManageEvents: 1n << 33n } as const;

/** The install link: the bot and its slash commands, with exactly the permissions above (and `extra`, when given). */
export function inviteUrl(applicationId: string, extra: Readonly<Record<string, bigint>> = {}): string {
  const permissions = [...Object.values(neededPermissions), ...Object.values(extra)].reduce((all, bit) => all | bit, 0n);
  const query = new URLSearchParams({ client_id: applicationId, scope: 'bot applications.commands', permissions: permissions.toString() });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
