import {
  type Command,
  type CommandContext,
  Command as CommandSchema,
  clip,
  commandForAction,
  commandForModal,
  fromDiscord,
  parseCampaignArgs,
  parseEventArgs,
  parseNextArgs,
  parseOneOnOneArgs,
  parsePairArgs,
  parseRoleArgs,
  parseStandupArgs,
  parseStoryArgs,
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
    // The subcommands of features that declare them; the rest are read here.
    const owned = fromDiscord(sub.name, sub.options);
    if (owned !== undefined) return owned;
    const option = (name: string) => sub.options?.find((o) => o.name === name)?.value;
    switch (sub.name) {
      case 'help':
        return { type: 'help' };
      case 'setup':
        return { type: 'setup', name: option('name'), fromModal: false };
      case 'status':
        return { type: 'status' };
      case 'story':
        // The same words Slack users type: action, then kind, then a number.
        return parseStoryArgs([option('action'), option('kind'), option('number')].filter((v) => v !== undefined).map(String));
      case 'roles':
        return { type: 'roles' };
      case 'role': {
        // A subcommand group: `/community role list|add|edit|remove name:…`.
        const action = sub.options?.[0] as { name?: unknown; options?: { name?: unknown; value?: unknown }[] } | undefined;
        if (action?.name === 'list') return { type: 'roles' };
        const name = action?.options?.find((o) => o.name === 'name')?.value;
        return parseRoleArgs([String(action?.name ?? ''), ...(typeof name === 'string' ? [name] : [])]);
      }
      case 'assign':
      case 'unassign':
        return {
          type: sub.name,
          ...(typeof option('user') === 'string' ? { userId: option('user') } : {}),
          ...(typeof option('role') === 'string' ? { role: option('role') } : {}),
          ...(sub.name === 'assign' ? { lead: option('lead') === true } : {}),
        };
      case 'task':
        return { type: 'task', userId: option('user'), what: option('what'), due: option('due'), campaign: option('campaign') };
      case 'tasks':
        // `tasks done:<task>` marks one done (a suggestion's value is its id; typed words find it by its title).
        if (typeof option('done') === 'string') return { type: 'task.done', query: clip(String(option('done')), 300, '') };
        return {
          type: 'tasks',
          ...(option('filter') !== undefined ? { filter: option('filter') } : {}),
          ...(typeof option('word') === 'string' && String(option('word')).trim() ? { word: clip(String(option('word')), 100, '') } : {}),
        };
      case 'tz':
        return { type: 'tz', zone: option('zone'), me: option('me') === true };
      case 'standup': {
        // The same words Slack users type: the action, then a name, a date, or a range.
        const action = String(option('action') ?? 'show');
        const extra = action === 'holiday' ? [option('date')] : action === 'report' ? [option('date'), option('to')] : [option('name')];
        return parseStandupArgs([action, ...extra.filter((v) => typeof v === 'string').flatMap((v) => String(v).split(/\s+/))]);
      }
      case 'event': {
        const action = String(option('action') ?? 'list');
        const extra =
          action === 'new'
            ? [option('campaign')]
            : action === 'attended'
              ? [option('id'), option('people')]
              : action === 'repeat'
                ? [option('id'), option('every')]
                : [option('id')];
        // Options keep the event and its reminders apart, which typed words cannot.
        if (action === 'remind')
          return {
            type: 'event.remind',
            ...(typeof option('id') === 'string' ? { event: clip(String(option('id')), 100, '') } : {}),
            ...(typeof option('remind') === 'string' ? { remind: clip(String(option('remind')), 100, '') } : {}),
          };
        return parseEventArgs([action, ...extra.filter((v) => typeof v === 'string').flatMap((v) => String(v).split(/\s+/))]);
      }
      case 'debrief':
        return { type: 'debrief.open', ...(typeof option('campaign') === 'string' ? { name: option('campaign') } : {}) };
      case 'next': {
        // `step` is free text: without the user option, someone may be named in it (`2 @ben`), looked up by core.
        const step = typeof option('step') === 'string' ? String(option('step')).trim().split(/\s+/) : [];
        const user = typeof option('user') === 'string' ? [`<@${option('user')}>`] : step.slice(1, 2);
        return parseNextArgs([...step.slice(0, 1), ...user, option('due')].filter((v) => typeof v === 'string' && v !== '').map(String));
      }
      case 'export':
        return { type: 'export' };
      case 'erase':
        return { type: 'erase.open' };
      case 'ladder':
        return { type: 'ladder' };
      case 'join':
        return { type: 'join' };
      case '1on1': {
        const action = String(option('action') ?? 'list');
        if (action === 'target')
          return { type: 'oneonone.target', ...(typeof option('count') === 'number' ? { count: option('count') } : {}) };
        if (action === 'values') return { type: 'values' };
        if (action !== 'log') return { type: 'oneonones' };
        return parseOneOnOneArgs([
          'log',
          ...(typeof option('user') === 'string' ? [`<@${option('user')}>`] : []),
          ...(option('share') === true ? ['share'] : []),
          ...(typeof option('date') === 'string' ? [String(option('date'))] : []),
        ]);
      }
      // Older registrations of the command had these on their own.
      case 'values':
        return { type: 'values' };
      case 'pair':
        return parsePairArgs(
          [option('action'), option('weeks'), option('newcomers') === true ? 'newcomers' : undefined, option('until')]
            .filter((v) => v !== undefined)
            .map(String),
        );
      case 'celebrate':
        return { type: 'celebrate', note: option('note') };
      case 'campaign':
        return parseCampaignArgs([
          String(option('action') ?? 'list'),
          ...(typeof option('name') === 'string' ? [String(option('name'))] : []),
        ]);
      case 'away':
        return option('off') === true ? { type: 'away', off: true } : { type: 'away', until: option('until'), off: false };
      case 'lang':
        return { type: 'language', locale: option('locale'), me: option('me') === true };
      default:
        return { type: 'unknown', input: clip(sub.name, 200, '') };
    }
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
    isPlatformAdmin: async () => hasLeaderPermission(permissions),
  };
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
    (/^(decline|standup\.answer|task\.due|task\.decline|attendance)\|/.test(customId) ? customId.split('|')[1] : undefined);
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
