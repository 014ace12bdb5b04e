import { sign } from 'node:crypto';
import { discordKeys } from './app.ts';
import { testClock } from './clock.ts';

/** A Discord interaction request, really signed with the test application's Ed25519 key. */
export function discordRequest(body: string, opts: { timestamp?: string; signature?: string } = {}): Request {
  const timestamp = opts.timestamp ?? String(testClock.seconds());
  const signature = opts.signature ?? sign(null, Buffer.from(timestamp + body), discordKeys.privateKey).toString('hex');
  return new Request('http://localhost/discord/interactions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  });
}

let nextId = 1_000_000_000_000_000_000n;

type CommandOver = { guild?: string | null; channel?: string; user?: string; locale?: string; permissions?: string };

/** `/community <sub> [options]` as Discord sends it (APPLICATION_COMMAND, a subcommand option). */
export function discordCommand(sub: string, options: Record<string, string> = {}, over: CommandOver = {}): Request {
  return commandInteraction([{ type: 1, name: sub, options: stringOptions(options) }], over);
}

/** `/community <group> <sub> [options]` as Discord sends it: a subcommand inside a subcommand group (`role add name:…`). */
export function discordGroupCommand(group: string, sub: string, options: Record<string, string> = {}, over: CommandOver = {}): Request {
  return commandInteraction([{ type: 2, name: group, options: [{ type: 1, name: sub, options: stringOptions(options) }] }], over);
}

const stringOptions = (options: Record<string, string>) => Object.entries(options).map(([name, value]) => ({ type: 3, name, value }));

function commandInteraction(options: unknown[], over: CommandOver): Request {
  const id = String(nextId++);
  const interaction: Record<string, unknown> = {
    type: 2,
    id,
    application_id: '111111111111111111',
    token: `token-${id}`,
    version: 1,
    channel_id: over.channel ?? '222222222222222222',
    channel: { id: over.channel ?? '222222222222222222', type: 0 },
    locale: over.locale ?? 'en-US',
    guild_locale: 'en-US',
    member: { user: { id: over.user ?? '333333333333333333', username: 'organizer' }, permissions: over.permissions ?? '0', roles: [] },
    data: { id: '444444444444444444', name: 'community', type: 1, options },
  };
  if (over.guild !== null) interaction.guild_id = over.guild ?? '555555555555555555';
  return discordRequest(JSON.stringify(interaction));
}

interface Over {
  guild?: string;
  channel?: string;
  user?: string;
  locale?: string;
  /** The member's permissions in the channel, as Discord's decimal bit set ('8': Administrator); none by default. */
  permissions?: string;
}

/** The envelope every guild interaction shares (documented shape), around type-specific fields. */
function guildInteraction(type: number, over: Over, fields: Record<string, unknown>): Request {
  const id = String(nextId++);
  return discordRequest(
    JSON.stringify({
      type,
      id,
      application_id: '111111111111111111',
      token: `token-${id}`,
      version: 1,
      guild_id: over.guild ?? '555555555555555555',
      channel_id: over.channel ?? '222222222222222222',
      locale: over.locale ?? 'en-US',
      member: { user: { id: over.user ?? '333333333333333333', username: 'organizer' }, permissions: over.permissions ?? '0', roles: [] },
      ...fields,
    }),
  );
}

/** A modal submission (MODAL_SUBMIT) with text inputs inside Label components. */
export function discordModalSubmit(
  customId: string,
  values: Record<string, string>,
  over: Over & { selects?: Record<string, string> } = {},
): Request {
  const components = [
    ...Object.entries(values).map(([field, value], i) => ({
      type: 18,
      id: i + 1,
      component: { type: 4, id: i + 10, custom_id: field, value },
    })),
    // A string select inside a Label sends the chosen values.
    ...Object.entries(over.selects ?? {}).map(([field, value], i) => ({
      type: 18,
      id: i + 50,
      component: { type: 3, id: i + 60, custom_id: field, values: [value] },
    })),
  ];
  return guildInteraction(5, over, { data: { custom_id: customId, components } });
}

/** A button click (MESSAGE_COMPONENT) on a message. */
export function discordComponent(customId: string, over: Over & { messageId?: string } = {}): Request {
  const message = {
    id: over.messageId ?? '777777777777777777',
    channel_id: over.channel ?? '222222222222222222',
    content: '',
    components: [],
  };
  return guildInteraction(3, over, { message, data: { custom_id: customId, component_type: 2 } });
}

/** A modal submitted from a direct message: no guild, a `user` instead of a `member`. */
export function discordDmModalSubmit(customId: string, values: Record<string, string>, userId: string, channelId = '999'): Request {
  const id = String(nextId++);
  const components = Object.entries(values).map(([field, value], i) => ({
    type: 18,
    id: i + 1,
    component: { type: 4, id: i + 10, custom_id: field, value },
  }));
  return discordRequest(
    JSON.stringify({
      type: 5,
      id,
      application_id: '111111111111111111',
      token: `token-${id}`,
      version: 1,
      channel_id: channelId,
      locale: 'en-US',
      user: { id: userId },
      data: { custom_id: customId, components },
    }),
  );
}

/** A button click in a direct message with the app: no guild, a `user` instead of a `member`. */
export function discordDmComponent(customId: string, userId: string, locale = 'en-US'): Request {
  const id = String(nextId++);
  return discordRequest(
    JSON.stringify({
      type: 3,
      id,
      application_id: '111111111111111111',
      token: `token-${id}`,
      version: 1,
      channel_id: '999',
      locale,
      user: { id: userId },
      message: { id: '1000', channel_id: '999' },
      data: { custom_id: customId, component_type: 2 },
    }),
  );
}
