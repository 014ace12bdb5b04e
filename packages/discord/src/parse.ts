import {
  type Command,
  type CommandContext,
  Command as CommandSchema,
  clip,
  commandForAction,
  commandForModal,
  fromDiscord,
  tenantOfAction,
  tenantOfInteraction,
  toLocale,
} from '@organizer/core';
import type { APIInteraction } from 'discord-api-types/v10';
import { ComponentType, InteractionType } from './api.ts';

/** Manage Server or Administrator: Discord's leaders. */
const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

function hasLeaderPermission(permissions: unknown): boolean {
  if (typeof permissions !== 'string' || !/^\d{1,30}$/.test(permissions)) return false;
  const bits = BigInt(permissions);
  return (bits & ADMINISTRATOR) !== 0n || (bits & MANAGE_GUILD) !== 0n;
}

/** Collects text input values by custom_id, from Label components (type 18) or legacy action rows. */
export function modalValues(components: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const { type, custom_id, value, values: chosen, component, components: children } = node as Record<string, unknown>;
    if (typeof custom_id === 'string' && typeof value === 'string') values[custom_id] = value;
    // A string select in a Label sends the chosen options as `values`; a user select, the chosen ids (joined by spaces).
    if (typeof custom_id === 'string' && Array.isArray(chosen) && typeof chosen[0] === 'string')
      values[custom_id] = type === ComponentType.UserSelect ? chosen.filter((v) => typeof v === 'string').join(' ') : chosen[0];
    visit(component);
    visit(children);
  };
  visit(components);
  return values;
}

function rawCommand(interaction: APIInteraction): unknown {
  if (interaction.type === InteractionType.ApplicationCommand) {
    const data = interaction.data as { name?: unknown; options?: { name?: unknown; options?: { name?: unknown; value?: unknown }[] }[] };
    const sub = data?.options?.[0];
    if (data?.name !== 'community' || typeof sub?.name !== 'string')
      return { type: 'unknown', input: clip(String(data?.name ?? ''), 200, '') };
    // Every subcommand is declared by its feature.
    const owned = fromDiscord(sub.name, sub.options);
    if (owned !== undefined) return owned;
    return { type: 'unknown', input: clip(sub.name, 200, '') };
  }
  if (interaction.type === InteractionType.ModalSubmit) {
    const data = interaction.data as { custom_id?: unknown; components?: unknown };
    // Our modals' custom_id is `<modal id>|<state>`: Discord returns it untouched with the submission.
    const [id = '', ...state] = String(data?.custom_id ?? '').split('|');
    return commandForModal(id, modalValues(data?.components), state.join('|'));
  }
  if (interaction.type === InteractionType.MessageComponent) {
    const raw = interaction as { data?: { custom_id?: unknown }; channel_id?: unknown; message?: { id?: unknown } };
    const channelId = typeof raw.channel_id === 'string' ? raw.channel_id : undefined;
    const messageId = typeof raw.message?.id === 'string' ? raw.message.id : undefined;
    if (typeof raw.data?.custom_id !== 'string' || !channelId) return undefined;
    return commandForAction(raw.data.custom_id, { channelId, ...(messageId ? { messageId } : {}) });
  }
  return undefined;
}

/** A command interaction → a validated command, or undefined when we cannot read it. */
export function parseCommand(interaction: APIInteraction): Command | undefined {
  const parsed = CommandSchema.safeParse(rawCommand(interaction));
  return parsed.success ? parsed.data : undefined;
}

/** Who and where, for core; undefined outside a guild (a DM has no community). */
export function contextOf(interaction: APIInteraction): CommandContext | undefined {
  const raw = interaction as {
    guild_id?: unknown;
    channel_id?: unknown;
    channel?: { id?: unknown };
    member?: { user?: { id?: unknown }; permissions?: unknown };
  };
  const guildId = raw.guild_id;
  const channelId = raw.channel_id ?? raw.channel?.id;
  const userId = raw.member?.user?.id;
  if (typeof guildId !== 'string') return dmContext(interaction);
  if (typeof channelId !== 'string' || typeof userId !== 'string') return undefined;
  const locale = (interaction as { locale?: unknown }).locale;
  const userLocale = toLocale(typeof locale === 'string' ? locale : undefined);
  const permissions = raw.member?.permissions;
  return {
    tenant: { platform: 'discord', id: guildId },
    channelId,
    userId,
    ...(userLocale ? { userLocale } : {}),
    ...(typeof interaction.id === 'string' ? { interactionId: interaction.id } : {}),
    ...answerLaterOf(interaction),
    isPlatformAdmin: async () => hasLeaderPermission(permissions),
  };
}

/** A typed command's way to be answered after a deferred answer: the application's id and the interaction's token. */
function answerLaterOf(interaction: APIInteraction): Pick<CommandContext, 'answerLater'> {
  const raw = interaction as { type?: unknown; application_id?: unknown; token?: unknown };
  if (raw.type !== InteractionType.ApplicationCommand || typeof raw.application_id !== 'string' || typeof raw.token !== 'string') return {};
  return { answerLater: { platform: 'discord', applicationId: raw.application_id, token: raw.token } };
}

/**
 * Offer, task and stand-up buttons and their modals live in direct messages, which carry no guild: their ids name
 * the guild instead (and core checks it against the offer it points at).
 */
function dmContext(interaction: APIInteraction): CommandContext | undefined {
  const raw = interaction as { channel_id?: unknown; user?: { id?: unknown }; data?: { custom_id?: unknown }; locale?: unknown };
  const customId = typeof raw.data?.custom_id === 'string' ? raw.data.custom_id : '';
  // Modals opened from a DM carry the guild as the first part of their state: `<modal>|<guild>|…`.
  const guildId =
    tenantOfInteraction(customId) ??
    tenantOfAction(customId) ??
    (/^(task\.due|task\.decline)\|/.test(customId) ? customId.split('|')[1] : undefined);
  const userId = raw.user?.id;
  if (!guildId || typeof userId !== 'string' || typeof raw.channel_id !== 'string') return undefined;
  const userLocale = toLocale(typeof raw.locale === 'string' ? raw.locale : undefined);
  return {
    tenant: { platform: 'discord', id: guildId },
    channelId: raw.channel_id,
    userId,
    ...(userLocale ? { userLocale } : {}),
    ...(typeof interaction.id === 'string' ? { interactionId: interaction.id } : {}),
    tenantFromId: true,
    isPlatformAdmin: async () => false,
  };
}
