import {
  type Command,
  type CommandContext,
  clip,
  ephemeral,
  type Locale,
  type MessageKey,
  type Reply,
  suggestCommandFor,
  t,
  toLocale,
} from '@organizer/core';
import type { APIInteraction } from 'discord-api-types/v10';
import { InteractionResponseType, InteractionType } from './api.ts';
import { contextOf, parseCommand } from './parse.ts';
import { renderReply } from './render.ts';
import { verifyDiscordSignature } from './verify.ts';

/** What the Discord adapter needs from the composition root. */
export interface DiscordDeps {
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

/** The interactions endpoint: verify the signature, read the interaction, dispatch it. */
export async function handleDiscordRequest(
  headers: Headers,
  rawBody: string,
  /** `publicKeys`: hex keys a request may be signed with (the application's; locally also the playground's); none → 401. */
  deps: DiscordDeps & { readonly publicKeys: readonly string[] },
): Promise<HttpResult> {
  const signature = headers.get('x-signature-ed25519');
  const timestamp = headers.get('x-signature-timestamp');
  if (!deps.publicKeys.some((key) => verifyDiscordSignature(key, signature, timestamp, rawBody))) {
    return { status: 401, body: { error: 'invalid request signature' } };
  }
  const interaction = readInteraction(rawBody);
  if (!interaction) return badRequest;
  return dispatchDiscordInteraction(interaction, deps);
}

/**
 * Everything after verification, for an interaction known to come from Discord: the signed HTTP
 * endpoint, or a gateway INTERACTION_CREATE (whose connection the bot token authenticated).
 * PING → PONG, commands, buttons and modal submissions → core → the interaction response to send.
 */
export async function dispatchDiscordInteraction(interaction: APIInteraction, deps: DiscordDeps): Promise<HttpResult> {
  if (interaction.type === InteractionType.Ping) return ok({ type: InteractionResponseType.Pong });
  const locale = toLocale(typeof interaction.locale === 'string' ? interaction.locale : undefined) ?? deps.defaultLocale;
  const say = (key: MessageKey) => ok(renderReply(ephemeral(t(locale, key))));

  if (interaction.type === InteractionType.ApplicationCommandAutocomplete) return autocomplete(interaction, deps);
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
    const reply = await deps.run(command, ctx);
    // A list redrawn after one of its buttons (or a modal one opened): UPDATE_MESSAGE edits it in place.
    const inPlace = reply.kind === 'message' && reply.replace && interaction.type !== InteractionType.ApplicationCommand;
    const rendered = renderReply(reply);
    return ok(inPlace && 'data' in rendered ? { type: InteractionResponseType.UpdateMessage, data: rendered.data } : rendered);
  } catch (error) {
    deps.onError?.(error);
    return say('error.generic');
  }
}

const noChoices = ok({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });

/** The option being typed, wherever it sits (a subcommand, or a subcommand in a group). */
function focusedOption(options: unknown, path: readonly string[] = []): { name: string; value: string; path: string[] } | undefined {
  for (const option of Array.isArray(options) ? options : []) {
    const o = option as { name?: unknown; value?: unknown; focused?: unknown; options?: unknown };
    if (o.focused === true && typeof o.name === 'string') return { name: o.name, value: String(o.value ?? ''), path: [...path] };
    const inner = focusedOption(o.options, typeof o.name === 'string' ? [...path, o.name] : path);
    if (inner) return inner;
  }
  return undefined;
}

/** Suggestions while an option is typed, from the feature that declares them (role names, events, one's open tasks). They never fail loudly. */
async function autocomplete(interaction: APIInteraction, deps: DiscordDeps): Promise<HttpResult> {
  const focused = focusedOption((interaction as { data?: { options?: unknown } }).data?.options);
  const ctx = contextOf(interaction);
  if (!ctx || !focused) return noChoices;
  const query = clip(focused.value, 100, '');
  // The option's feature says what suggests its values (role names, events, one's open tasks).
  const command = suggestCommandFor(focused.path, focused.name, query) as Command | undefined;
  if (!command) return noChoices;
  try {
    return ok(renderReply(await deps.run(command, ctx)));
  } catch (error) {
    deps.onError?.(error);
    return noChoices;
  }
}
