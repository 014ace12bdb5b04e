import { type Command, type CommandContext, ephemeral, type Locale, type MessageKey, type Reply, t, toLocale } from '@organizer/core';
import type { APIInteraction } from 'discord-api-types/v10';
import { InteractionResponseType, InteractionType } from './api.ts';
import { contextOf, parseCommand } from './parse.ts';
import { renderReply } from './render.ts';
import { verifyDiscordSignature } from './verify.ts';

/** What the Discord adapter needs from the composition root. */
export interface DiscordDeps {
  /** Hex public key; absent → every request is answered 401. */
  readonly publicKey?: string;
  readonly run: (command: Command, ctx: CommandContext) => Promise<Reply>;
  readonly defaultLocale: Locale;
  readonly onError?: (error: unknown) => void;
}

/** An HTTP answer for the route (JSON body). */
export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
}

const ok = (body: unknown): HttpResult => ({ status: 200, body });
const badRequest: HttpResult = { status: 400, body: { error: 'bad request' } };

function readInteraction(rawBody: string): APIInteraction | undefined {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return parsed && typeof parsed === 'object' && typeof (parsed as { type?: unknown }).type === 'number'
      ? (parsed as APIInteraction)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Verify, then PING → PONG, commands and modal submissions → core → a rendered reply. */
export async function handleDiscordRequest(headers: Headers, rawBody: string, deps: DiscordDeps): Promise<HttpResult> {
  const signature = headers.get('x-signature-ed25519');
  const timestamp = headers.get('x-signature-timestamp');
  if (!deps.publicKey || !verifyDiscordSignature(deps.publicKey, signature, timestamp, rawBody)) {
    return { status: 401, body: { error: 'invalid request signature' } };
  }
  const interaction = readInteraction(rawBody);
  if (!interaction) return badRequest;
  if (interaction.type === InteractionType.Ping) return ok({ type: InteractionResponseType.Pong });
  const locale = toLocale(typeof interaction.locale === 'string' ? interaction.locale : undefined) ?? deps.defaultLocale;
  const say = (key: MessageKey) => ok(renderReply(ephemeral(t(locale, key))));

  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
    return ok({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  if (
    interaction.type !== InteractionType.ApplicationCommand &&
    interaction.type !== InteractionType.ModalSubmit &&
    interaction.type !== InteractionType.MessageComponent
  ) {
    return badRequest;
  }
  const ctx = contextOf(interaction);
  if (!ctx) return (interaction as { guild_id?: unknown }).guild_id === undefined ? say('platform.guildOnly') : say('error.badRequest');
  const command = parseCommand(interaction);
  if (!command) return say('error.badRequest');
  try {
    return ok(renderReply(await deps.run(command, ctx)));
  } catch (error) {
    deps.onError?.(error);
    return say('error.generic');
  }
}
