import type { SandboxFiles } from './files.ts';
import { world } from './world.ts';

/** Slack lists the app's own bot among a workspace's members: a people lookup has to skip it. */
const SLACK_BOT = { id: 'UPLAYBOT', name: 'organizer', real_name: 'Organizer', is_bot: true };

/** A member as Slack's `users.list` and `users.info` show them: handle, display name and real name. */
function slackMember(user: (typeof world.slack.users)[number], teamId: string) {
  return {
    id: user.id,
    team_id: teamId,
    name: user.name.toLowerCase(),
    real_name: user.name,
    deleted: false,
    is_bot: false,
    is_admin: user.admin,
    is_owner: false,
    tz: 'Europe/London',
    profile: { display_name: user.name, real_name: user.name },
  };
}

interface SlackPost {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly text: unknown;
  readonly metadata?: unknown;
}

/** Most messages a channel keeps here: enough for Slack's one page of history (15). */
const KEPT = 100;

/**
 * The sandboxed Slack Web API: plausible answers for the methods Organizer calls, with real-looking,
 * increasing `ts` ids (Slack's own wall clock, as on Slack), and the posts kept so that history and thread
 * reads find them again, as a redelivery's look before posting does.
 */
export function fakeSlack(uploadUrl: (fileId: string) => string, files: SandboxFiles, fileUrl: (fileId: string) => string) {
  const posts: SlackPost[] = [];
  // Each person's Home keeps one view id across publishes, as Slack's does.
  const homes = new Map<string, string>();
  let last = 0;
  let serial = 0;
  const nextTs = () => {
    // Microseconds, strictly increasing: two posts in one millisecond still get two ids.
    last = Math.max(last + 1, Date.now() * 1000);
    return `${Math.floor(last / 1e6)}.${String(last % 1e6).padStart(6, '0')}`;
  };
  // Posting to a member's id lands in the app's DM with them; several members share one group DM,
  // the same one however often it is opened (Slack's G… id).
  const conversation = (channel: unknown) => {
    const ids = String(channel ?? '')
      .split(',')
      .filter(Boolean);
    if (ids.length > 1)
      return `G${[...new Set(ids)]
        .sort()
        .map((id) => id.replace(/^UPLAY/, ''))
        .join('')}`;
    return world.slack.users.find((u) => u.id === ids[0])?.dm ?? String(channel ?? '');
  };
  const teamOf = (body: Record<string, unknown>) => String(body.team_id ?? world.slack.spaces[0]?.id ?? '');

  return (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'views.open':
      case 'views.push':
      case 'views.update':
        return { ok: true, view: { ...(body.view as object), id: `V${++serial}` } };
      case 'chat.postMessage': {
        const channel = conversation(body.channel);
        const ts = nextTs();
        const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
        posts.push({ channel, ts, text: body.text, metadata: body.metadata, ...(threadTs ? { threadTs } : {}) });
        if (posts.length > KEPT * 4) posts.splice(0, posts.length - KEPT * 4);
        return { ok: true, channel, ts, message: { type: 'message', text: body.text, user: SLACK_BOT.id, bot_id: 'BPLAYGROUND', ts } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.delete':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'conversations.history':
      case 'conversations.replies': {
        const channel = String(body.channel ?? '');
        const thread = method === 'conversations.replies' ? String(body.ts ?? '') : undefined;
        const messages = posts
          .filter((p) => p.channel === channel && (thread ? p.threadTs === thread || p.ts === thread : !p.threadTs))
          .filter((p) => Number(p.ts) >= Number(body.oldest ?? 0))
          .slice(-Math.min(Number(body.limit ?? 15) || 15, KEPT))
          .reverse()
          .map((p) => ({ type: 'message', ts: p.ts, text: p.text, user: SLACK_BOT.id, ...(p.metadata ? { metadata: p.metadata } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: conversation(body.users) } };
      case 'users.info': {
        const user = world.slack.users.find((u) => u.id === body.user);
        return user ? { ok: true, user: slackMember(user, teamOf(body)) } : { ok: false, error: 'user_not_found' };
      }
      case 'users.list':
        // One page holds everyone here; an empty cursor says there is no next page.
        return {
          ok: true,
          members: [...world.slack.users.map((u) => slackMember(u, teamOf(body))), { ...SLACK_BOT, team_id: teamOf(body), deleted: false }],
          response_metadata: { next_cursor: '' },
        };
      case 'conversations.info':
        return { ok: true, channel: { id: body.channel, is_member: true } };
      case 'auth.test':
        return { ok: true, user_id: SLACK_BOT.id, bot_id: 'BPLAYGROUND' };
      case 'views.publish': {
        const key = `${teamOf(body)}:${String(body.user_id ?? '')}`;
        const id = homes.get(key) ?? `VHOME${++serial}`;
        homes.set(key, id);
        return { ok: true, view: { ...(body.view as object), id, type: 'home', team_id: teamOf(body) } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${++serial}`;
        files.announce(id, String(body.filename ?? id), typeof body.alt_text === 'string' ? body.alt_text : '');
        return { ok: true, upload_url: uploadUrl(id), file_id: id };
      }
      case 'files.completeUploadExternal': {
        // The share is a message in the channel: history finds it as it finds any other post.
        const channel = conversation(body.channel_id);
        const ts = nextTs();
        posts.push({ channel, ts, text: body.initial_comment });
        const shared = (Array.isArray(body.files) ? (body.files as { id?: unknown; title?: unknown }[]) : []).map((f) => {
          const kept = files.get(String(f.id ?? ''));
          return {
            id: String(f.id ?? ''),
            title: String(f.title ?? kept?.name ?? ''),
            name: kept?.name ?? String(f.title ?? ''),
            mimetype: kept?.type ?? 'application/octet-stream',
            alt_txt: kept?.alt ?? '',
            url_private: fileUrl(String(f.id ?? '')),
            shares: { public: { [channel]: [{ ts }] } },
          };
        });
        return { ok: true, files: shared };
      }
      default:
        return { ok: true };
    }
  };
}

/** Discord's epoch (2015-01-01) in Unix milliseconds: snowflakes count from it. */
const DISCORD_EPOCH = 1_420_070_400_000;

const discordMember = (user: (typeof world.discord.users)[number]) => ({
  user: { id: user.id, username: user.name.toLowerCase(), global_name: user.name },
  nick: null,
  roles: [],
});

/**
 * The sandboxed Discord REST API: created messages get snowflake ids (the same one again for a repeated
 * nonce, as `enforce_nonce` does), edits answer with the edited message, deletes with 204, members can be
 * read and searched. `undefined` is Discord's empty 204 answer.
 */
export function fakeDiscord() {
  let serial = 0;
  const nonces = new Map<string, string>();
  const snowflake = () => `${(BigInt(Date.now() - DISCORD_EPOCH) << 22n) | BigInt(++serial % 4096)}`;

  return (
    verb: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): Record<string, unknown> | unknown[] | undefined => {
    if (verb === 'DELETE') return undefined;
    if (verb === 'POST' && path === '/users/@me/channels') {
      const user = world.discord.users.find((u) => u.id === body.recipient_id);
      return user ? { id: user.dm, type: 1, recipients: [discordMember(user).user] } : { id: snowflake(), type: 1 };
    }
    // A thread started from a message takes the message's id; one of its own gets a new one.
    if (/\/threads$/.test(path)) return { id: /\/messages\/([^/]+)\/threads$/.exec(path)?.[1] ?? snowflake(), type: 11, name: body.name };
    const guildMembers = /^\/guilds\/([^/]+)\/members(\/search)?$/.exec(path);
    if (guildMembers && verb === 'GET') {
      const query_ = (query.get('query') ?? '').toLowerCase();
      const found = world.discord.users.filter((u) => !guildMembers[2] || u.name.toLowerCase().startsWith(query_));
      return found.slice(0, Number(query.get('limit') ?? 1000) || 1000).map(discordMember);
    }
    const member = /^\/guilds\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (member) {
      const user = world.discord.users.find((u) => u.id === member[2]);
      return user ? discordMember(user) : { user: { id: member[2], username: 'someone' }, roles: [] };
    }
    const message = /^\/(channels|webhooks)\/([^/]+)(?:\/([^/]+))?\/messages(?:\/([^/]+))?$|^\/webhooks\/([^/]+)\/([^/]+)$/.exec(path);
    const channel = message?.[1] === 'channels' ? message[2] : undefined;
    const edited = message?.[4];
    if (verb === 'PATCH' && edited)
      return { id: edited, ...(channel ? { channel_id: channel } : {}), ...body, edited_timestamp: new Date().toISOString() };
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? `${channel}:${body.nonce}` : undefined;
    const id = (nonce && nonces.get(nonce)) || snowflake();
    if (nonce) nonces.set(nonce, id);
    if (nonces.size > 1000) nonces.delete(nonces.keys().next().value as string);
    return { ...body, id, ...(channel ? { channel_id: channel } : {}), type: 0, author: { id: 'playground', bot: true } };
  };
}
