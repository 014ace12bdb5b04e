import { sign as ed25519Sign, type KeyObject } from 'node:crypto';
import { communityCommand } from '@organizer/discord/commands';
import { homeClickPayload, homeOpenedBody, signedSlack } from './home-requests.ts';
import { PLAYGROUND_APP_ID, type PlaygroundUser, world } from './world.ts';

/** Who is acting, where, in which language: picked on the page. */
export interface Scene {
  readonly platform: 'slack' | 'discord';
  readonly space: string;
  readonly channel: string;
  readonly user: string;
  readonly locale: string;
}

/** What the page asks to send: a typed command, a modal's values, or a button. */
export type Act =
  | {
      readonly kind: 'command';
      readonly text: string;
      /** People and channels picked from the page's suggestions (their ids), sent as the platform sends a chosen mention. */
      readonly mentions?: readonly string[];
    }
  | { readonly kind: 'submit'; readonly modal: Record<string, unknown>; readonly values: Record<string, string> }
  /** The person opens the app's Home tab (Slack only); `viewId` is the view published to them before. */
  | { readonly kind: 'home'; readonly viewId?: string }
  | {
      readonly kind: 'click';
      readonly actionId: string;
      readonly label?: string;
      /** The message the button sits on: its id (Slack's ts) and channel, as the platform gave them. */
      readonly messageId?: string;
      readonly channelId?: string;
      readonly ephemeral?: boolean;
      /** A button on the Home tab (Slack): the view it sits on instead of a message. */
      readonly home?: boolean;
      readonly viewId?: string;
    };

/** A request the page sends as is to the app's real route. */
export interface SignedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export interface Signers {
  readonly slackSecret: string;
  readonly discordKey: KeyObject;
  readonly discordApplicationId: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);

/** The page's request, checked and normalized; undefined for anything else (answered 400, never signed). */
export function readRequest(input: unknown): { scene: Scene; act: Act } | undefined {
  if (!isRecord(input) || !isRecord(input.scene) || !isRecord(input.act)) return undefined;
  const { platform, space, channel, user, locale } = input.scene;
  if (platform !== 'slack' && platform !== 'discord') return undefined;
  const fields = [space, channel, user].map((v) => text(v, 40));
  if (fields.some((v) => v === undefined)) return undefined;
  const scene: Scene = { platform, space: String(space), channel: String(channel), user: String(user), locale: text(locale, 10) ?? 'en' };
  const act = input.act;
  if (act.kind === 'command') {
    const typed = text(act.text, 4000);
    const mentions = Array.isArray(act.mentions) ? act.mentions.filter((m): m is string => typeof m === 'string').slice(0, 20) : [];
    return typed === undefined ? undefined : { scene, act: { kind: 'command', text: typed, ...(mentions.length ? { mentions } : {}) } };
  }
  if (act.kind === 'submit') {
    if (!isRecord(act.modal)) return undefined;
    const values = Object.fromEntries(
      Object.entries(isRecord(act.values) ? act.values : {}).filter(([, v]) => typeof v === 'string'),
    ) as Record<string, string>;
    return { scene, act: { kind: 'submit', modal: act.modal, values } };
  }
  if (act.kind === 'home') {
    const viewId = text(act.viewId, 40);
    return scene.platform === 'slack' ? { scene, act: { kind: 'home', ...(viewId ? { viewId } : {}) } } : undefined;
  }
  if (act.kind === 'click') {
    const actionId = text(act.actionId, 100);
    // Discord has no Home tab: a click said to be on one is nothing Discord could send.
    if (!actionId || (act.home === true && scene.platform !== 'slack')) return undefined;
    const label = text(act.label, 200);
    const messageId = text(act.messageId, 40);
    const channelId = text(act.channelId, 40);
    return {
      scene,
      act: {
        kind: 'click',
        actionId,
        ...(label ? { label } : {}),
        ...(messageId ? { messageId } : {}),
        ...(channelId ? { channelId } : {}),
        ...(act.ephemeral === true ? { ephemeral: true } : {}),
        ...(act.home === true ? { home: true } : {}),
        ...(act.home === true && text(act.viewId, 40) ? { viewId: String(act.viewId) } : {}),
      },
    };
  }
  return undefined;
}

let counter = 0;
const nextId = () => `${Date.now()}${String(++counter).padStart(4, '0')}`;

/** The scene's people and places, or undefined when it names anything outside the playground. */
export function resolveScene(scene: Scene) {
  const platform = world[scene.platform];
  const space = platform?.spaces.find((s) => s.id === scene.space);
  const channel = space?.channels.find((c) => c.id === scene.channel);
  const user = platform?.users.find((u) => u.id === scene.user);
  return space && channel && user ? { space, channel, user } : undefined;
}

/**
 * Where a clicked message sits: a channel of the scene's workspace, or the acting person's DM with the
 * app (no one else's); a message in a thread is in its thread. Undefined for any other place.
 */
function placeOf({ space, channel, user }: Found, channelId: string | undefined): { id: string; name: string; dm: boolean } | undefined {
  if (!channelId || channelId === channel.id) return { ...channel, dm: false };
  if (channelId === user.dm) return { id: user.dm, name: 'directmessage', dm: true };
  const other = space.channels.find((c) => c.id === channelId);
  return other ? { ...other, dm: false } : undefined;
}

const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Typed text as the platform sends it: Slack (`should_escape: true`) escapes `&`, `<` and `>` and turns a
 * mention picked from its suggestions into `<@U…|handle>` / `<#C…|name>`; Discord sends `<@id>` / `<#id>`.
 * A name typed without picking it stays the plain word it is.
 */
export function platformText(platform: Scene['platform'], typed: string, mentions: readonly string[], found: Found): string {
  let out = platform === 'slack' ? escapeSlack(typed) : typed;
  for (const id of new Set(mentions)) {
    const person = world[platform].users.find((u) => u.id === id);
    const place = found.space.channels.find((c) => c.id === id);
    const word = person ? `@${person.name}` : place ? `#${place.name}` : undefined;
    if (!word) continue;
    const token = person
      ? platform === 'slack'
        ? `<@${id}|${person.name.toLowerCase()}>`
        : `<@${id}>`
      : platform === 'slack'
        ? `<#${id}|${place?.name}>`
        : `<#${id}>`;
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'gu');
    out = out.replace(pattern, (_, before: string) => `${before}${token}`);
  }
  return out;
}

/** Builds the platform's own payload for the act, signed as the platform would sign it. */
export function signedRequest(scene: Scene, act: Act, signers: Signers, base: string): SignedRequest | undefined {
  const found = resolveScene(scene);
  if (!found) return undefined;
  if (act.kind === 'click' && !act.home && !placeOf(found, act.channelId)) return undefined;
  return scene.platform === 'slack' ? slackRequest(found, act, signers, base) : discordRequest(scene, found, act, signers);
}

type Found = NonNullable<ReturnType<typeof resolveScene>>;

/**
 * A picker's answer as Slack puts it in `view.state.values`: `selected_date`, `selected_time`,
 * `selected_date_time` (seconds), `selected_options` (the options themselves) or `selected_users`.
 * The page sends them as text: a date, a time, an instant in seconds, or values joined by commas.
 */
function pickerState(element: Record<string, unknown>, value: string): Record<string, unknown> | undefined {
  const list = value.split(',').filter(Boolean);
  switch (element.type) {
    case 'datepicker':
      return { type: 'datepicker', selected_date: /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null };
    case 'timepicker':
      return { type: 'timepicker', selected_time: /^\d{2}:\d{2}$/.test(value) ? value : null };
    case 'datetimepicker':
      return { type: 'datetimepicker', selected_date_time: /^\d{1,12}$/.test(value) ? Number(value) : null };
    case 'checkboxes': {
      const options = Array.isArray(element.options) ? (element.options as unknown[]).filter(isRecord) : [];
      return { type: 'checkboxes', selected_options: options.filter((o) => list.includes(String(o.value))) };
    }
    case 'multi_users_select':
      return { type: 'multi_users_select', selected_users: list };
    default:
      return undefined;
  }
}

function slackRequest(found: Found, act: Act, signers: Signers, base: string): SignedRequest {
  const { space, channel, user } = found;
  const team = { id: space.id, domain: space.name.toLowerCase().replace(/\W+/g, '-') };
  const who = { id: user.id, username: user.name.toLowerCase(), name: user.name.toLowerCase(), team_id: space.id };
  const common = {
    api_app_id: 'APLAYGROUND',
    token: 'playground',
    trigger_id: `${nextId()}.playground`,
    is_enterprise_install: false,
    enterprise: null,
  };
  const responseUrl = `${base}/playground/api/slack/response_url`;
  const form = 'application/x-www-form-urlencoded';
  if (act.kind === 'home') return signedSlack(signers.slackSecret, homeOpenedBody(space, user, act.viewId), 'application/json');
  if (act.kind === 'click' && act.home) {
    const payload = homeClickPayload(space, user, act, common);
    return signedSlack(signers.slackSecret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), form);
  }
  let body: string;
  if (act.kind === 'command') {
    body = new URLSearchParams({
      token: 'playground',
      team_id: space.id,
      team_domain: team.domain,
      channel_id: channel.id,
      channel_name: channel.name,
      user_id: user.id,
      user_name: who.username,
      command: '/community',
      text: platformText('slack', act.text, act.mentions ?? [], found),
      api_app_id: 'APLAYGROUND',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: common.trigger_id,
    }).toString();
  } else if (act.kind === 'submit') {
    const view = act.modal;
    const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]).filter(isRecord) : [];
    const values = Object.fromEntries(
      blocks
        .filter((b) => b.type === 'input' && typeof b.block_id === 'string')
        .map((b) => {
          const blockId = String(b.block_id);
          const value = act.values[blockId] ?? '';
          const element = isRecord(b.element) ? b.element : {};
          const actionId = String(element.action_id ?? 'value');
          if (element.type === 'static_select') {
            const options = Array.isArray(element.options) ? (element.options as unknown[]).filter(isRecord) : [];
            const option = options.find((o) => o.value === value);
            return [blockId, { [actionId]: { type: 'static_select', selected_option: option ?? null } }];
          }
          const picked = pickerState(element, value);
          if (picked) return [blockId, { [actionId]: picked }];
          return [blockId, { [actionId]: { type: 'plain_text_input', value: value === '' ? null : value } }];
        }),
    );
    const payload = {
      type: 'view_submission',
      team,
      user: who,
      ...common,
      // Only the view's own fields come from the page: which workspace it belongs to is ours to say.
      view: {
        id: String(view.id ?? `V${nextId()}`),
        type: 'modal',
        callback_id: String(view.callback_id ?? ''),
        private_metadata: String(view.private_metadata ?? ''),
        title: view.title,
        submit: view.submit,
        blocks,
        team_id: space.id,
        app_installed_team_id: space.id,
        state: { values },
        hash: nextId(),
        app_id: 'APLAYGROUND',
      },
      response_urls: [],
    };
    body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  } else {
    const ts = act.messageId ?? `${Math.floor(Date.now() / 1000)}.000100`;
    const place = placeOf(found, act.channelId) ?? { ...channel, dm: false };
    const ephemeral = act.ephemeral === true;
    const payload = {
      type: 'block_actions',
      team,
      user: who,
      ...common,
      container: { type: 'message', message_ts: ts, channel_id: place.id, is_ephemeral: ephemeral },
      channel: { id: place.id, name: place.name },
      // Slack sends the message itself only for messages everyone sees.
      ...(ephemeral ? {} : { message: { type: 'message', ts, text: '', user: 'UPLAYBOT', bot_id: 'BPLAYGROUND' } }),
      state: { values: {} },
      // The message's own response_url: what is sent there replaces, deletes or follows that message.
      response_url: `${responseUrl}?message=${encodeURIComponent(`${place.id}:${ts}`)}`,
      actions: [
        {
          action_id: act.actionId,
          block_id: 'playground',
          text: { type: 'plain_text', text: act.label ?? act.actionId, emoji: true },
          value: act.actionId,
          type: 'button',
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
    body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  }
  return signedSlack(signers.slackSecret, body, form);
}

interface OptionDef {
  readonly type: number;
  readonly name: string;
  readonly options?: readonly OptionDef[];
  readonly choices?: readonly unknown[];
}

const SUBCOMMAND = 1;
const GROUP = 2;
const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const USER = 6;
const NUMBER = 10;

/** A word for a user option: `<@id>`, `@Name` or `Name` → the playground user's id. */
function userValue(word: string, users: readonly PlaygroundUser[]): string {
  const mention = /^<@!?(\d+)>$/.exec(word)?.[1];
  if (mention) return mention;
  const name = word.replace(/^@/, '').toLowerCase();
  return users.find((u) => u.name.toLowerCase() === name || u.id === word)?.id ?? word;
}

function optionValue(def: OptionDef, raw: string, users: readonly PlaygroundUser[]): unknown {
  if (def.type === INTEGER || def.type === NUMBER) return Number(raw);
  if (def.type === BOOLEAN) return /^(true|yes|1)$/i.test(raw);
  if (def.type === USER) return userValue(raw, users);
  return raw;
}

/**
 * Typed text → Discord's options, from the same definitions Discord shows: `name:value` pairs as in
 * Discord's own box, or plain words in the options' order (the last one takes the rest).
 */
export function discordOptions(
  text: string,
  users: readonly PlaygroundUser[],
): { type: number; name: string; options: unknown[] } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const top = (communityCommand.options as readonly OptionDef[]).find((o) => o.name === words[0]?.toLowerCase());
  if (!top) return undefined;
  let rest = words.slice(1);
  const fill = (defs: readonly OptionDef[], input: readonly string[]) => {
    const line = input.join(' ');
    const names = defs.map((d) => d.name).join('|');
    const pairs = names ? [...line.matchAll(new RegExp(`(?:^|\\s)(${names}):(.*?)(?=\\s(?:${names}):|$)`, 'g'))] : [];
    if (pairs.length > 0) {
      return pairs.flatMap(([, name, value]) => {
        const def = defs.find((d) => d.name === name);
        return def ? [{ type: def.type, name: def.name, value: optionValue(def, (value ?? '').trim(), users) }] : [];
      });
    }
    return defs.flatMap((def, i) => {
      const last = i === defs.length - 1 || i === input.length - 1;
      const raw = last && def.type === STRING && !def.choices ? input.slice(i).join(' ') : input[i];
      return raw === undefined || raw === '' ? [] : [{ type: def.type, name: def.name, value: optionValue(def, raw, users) }];
    });
  };
  if (top.type === GROUP) {
    const action = top.options?.find((o) => o.name === rest[0]?.toLowerCase());
    if (!action) return { type: GROUP, name: top.name, options: [] };
    rest = rest.slice(1);
    return { type: GROUP, name: top.name, options: [{ type: SUBCOMMAND, name: action.name, options: fill(action.options ?? [], rest) }] };
  }
  return { type: SUBCOMMAND, name: top.name, options: fill(top.options ?? [], rest) };
}

function discordRequest(scene: Scene, found: Found, act: Act, signers: Signers): SignedRequest | undefined {
  // Discord has no Home tab: a home act is never signed for it.
  if (act.kind === 'home' || (act.kind === 'click' && act.home)) return undefined;
  const { space, channel, user } = found;
  const id = nextId();
  const locale = scene.locale === 'ru' ? 'ru' : 'en-US';
  const place = act.kind === 'click' ? placeOf(found, act.channelId) : undefined;
  if (place?.dm && act.kind === 'click') {
    // A button in a DM: no guild, the user instead of a member, the DM's channel; Discord still sends the locale.
    const message = { id: act.messageId ?? nextId(), channel_id: place.id, content: '', components: [] };
    const body = JSON.stringify({
      id,
      application_id: signers.discordApplicationId,
      token: `playground-${id}`,
      version: 1,
      type: 3,
      context: 1,
      channel_id: place.id,
      channel: { id: place.id, type: 1 },
      locale,
      user: { id: user.id, username: user.name.toLowerCase(), global_name: user.name },
      message,
      data: { custom_id: act.actionId, component_type: 2 },
    });
    return signedDiscord(body, signers);
  }
  const envelope = {
    id,
    application_id: signers.discordApplicationId,
    token: `playground-${id}`,
    version: 1,
    guild_id: space.id,
    channel_id: channel.id,
    channel: { id: channel.id, type: 0, name: channel.name },
    locale,
    guild_locale: 'en-US',
    member: {
      user: { id: user.id, username: user.name.toLowerCase(), global_name: user.name },
      roles: [],
      // Administrator for the first person of the server; nothing special for the others.
      permissions: user.admin ? '8' : '0',
    },
  };
  let interaction: Record<string, unknown>;
  if (act.kind === 'command') {
    const sub = discordOptions(platformText('discord', act.text, act.mentions ?? [], found), world.discord.users);
    // Discord only sends commands it knows: an unknown word is shown as help, as Discord's picker would.
    const options = [sub ?? { type: SUBCOMMAND, name: 'help', options: [] }];
    interaction = { ...envelope, type: 2, data: { id: PLAYGROUND_APP_ID, name: 'community', type: 1, options } };
  } else if (act.kind === 'submit') {
    const components = Array.isArray(act.modal.components) ? (act.modal.components as unknown[]).filter(isRecord) : [];
    interaction = {
      ...envelope,
      type: 5,
      data: {
        custom_id: String(act.modal.custom_id ?? ''),
        components: components.map((label, i) => {
          const field = isRecord(label.component) ? label.component : {};
          const value = act.values[String(field.custom_id)] ?? '';
          return {
            type: 18,
            id: i + 1,
            component:
              field.type === 3
                ? { type: 3, id: i + 100, custom_id: field.custom_id, values: value ? [value] : [] }
                : { type: 4, id: i + 100, custom_id: field.custom_id, value },
          };
        }),
      },
    };
  } else {
    const at = place ?? { ...channel, dm: false };
    const message = {
      id: act.messageId ?? nextId(),
      channel_id: at.id,
      content: '',
      components: [],
      ...(act.ephemeral ? { flags: 64 } : {}),
    };
    interaction = {
      ...envelope,
      channel_id: at.id,
      channel: { id: at.id, type: 0, name: at.name },
      type: 3,
      message,
      data: { custom_id: act.actionId, component_type: 2 },
    };
  }
  return signedDiscord(JSON.stringify(interaction), signers);
}

function signedDiscord(body: string, signers: Signers): SignedRequest {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = ed25519Sign(null, Buffer.from(timestamp + body), signers.discordKey).toString('hex');
  return {
    url: '/discord/interactions',
    headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp },
    body,
  };
}
