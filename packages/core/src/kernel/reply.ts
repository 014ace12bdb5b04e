import type { LaterView } from './later-target.ts';

/**
 * A platform-neutral answer. Text is light markdown: `**bold**`, `` `code` ``, `<@USER>` mentions;
 * each adapter renders it as Block Kit or Discord messages and modals.
 */
export type Block =
  | { readonly type: 'header'; readonly text: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'context'; readonly text: string }
  | { readonly type: 'divider' }
  /** Buttons; each id comes back as an action (see `actions.ts`). */
  | { readonly type: 'actions'; readonly buttons: readonly Button[] };

/** A button. `id` stays within 100 characters (Discord's custom_id limit). */
export interface Button {
  readonly id: string;
  readonly label: string;
  readonly primary?: boolean;
}

/** A text input in a modal. Labels stay within 45 characters (Discord's limit). */
export interface ModalField {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly multiline: boolean;
  readonly required: boolean;
  readonly maxLength: number;
  /** A choice instead of free text (Slack static select; Discord string select in a Label); `value` preselects. */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** A pick of members instead of free text (Slack multi_users_select, Discord user select in a Label), these preselected; submitted as ids separated by spaces. */
  readonly users?: readonly string[];
  /**
   * A date or time picker where the platform has one (Slack datepicker, timepicker, datetimepicker, day
   * checkboxes from `options`); elsewhere the text input, read by the same date parser. A picker's answer
   * comes back as text that parser takes exactly: `2026-12-08`, `17:00`, `2026-12-08T14:00:00.000Z` (an
   * instant), `mon,wed,fri`.
   */
  readonly picker?: 'date' | 'time' | 'datetime' | 'days';
  /** The label where the field is a picker, when it asks less than the text input (days, not days and time). */
  readonly pickerLabel?: string;
  /** The picker's initial value in that same exact form (`value` stays the text input's words). */
  readonly picked?: string;
  /** Only where `picker` fields are pickers: a text input says it in the picker field's own words (an event's length). */
  readonly pickerOnly?: boolean;
}

/** A modal to open; `id` comes back with its submission. Titles stay within 24 characters (Slack's limit). */
export interface Modal {
  readonly id: ModalId;
  /** Opaque state returned with the submission (Slack private_metadata, Discord custom_id suffix). */
  readonly state?: string;
  readonly title: string;
  readonly submit: string;
  readonly fields: readonly ModalField[];
}

export type ModalId =
  | 'setup'
  | 'story'
  | 'story.self'
  | 'story.us'
  | 'story.now'
  | 'reflect'
  | 'role'
  | 'decline'
  | 'standup'
  | 'standup.answer'
  | 'strategy'
  | 'campaign'
  | 'campaign.dates'
  | 'event'
  | 'attendance'
  | 'debrief'
  | 'ladder'
  | 'oneonone'
  | 'task.due'
  | 'task.decline'
  | 'task.reoffer'
  | 'tz'
  | 'erase'
  | 'propose'
  | 'poll'
  | 'decision.reason'
  | 'decision.ballot'
  | 'decision.statement'
  | 'decision.handout'
  | 'coalition.story'
  | 'coalition.campaign';

export type Visibility = 'ephemeral' | 'channel';

export type Reply =
  | {
      readonly kind: 'message';
      readonly visibility: Visibility;
      readonly text: string;
      readonly blocks: readonly Block[];
      /** Users this message deliberately notifies (Discord `allowed_mentions.users`); mentions in the text ping nobody else. */
      readonly ping?: readonly string[];
      /**
       * Redraws the message whose button (or button-opened modal) led here, in place (Slack `response_url`
       * with `replace_original`; Discord UPDATE_MESSAGE), instead of answering with a new message.
       */
      readonly replace?: boolean;
    }
  | { readonly kind: 'modal'; readonly modal: Modal }
  /**
   * Answered later, privately: the request only acknowledges (Discord's "thinking…", Slack `text`) and the
   * kernel hands the worker a job to draw `view` and send it in the same interaction (`kernel/later.ts`).
   * `admin`: the platform's word on the person's admin rights, which the worker cannot ask.
   */
  | { readonly kind: 'later'; readonly view: LaterView; readonly text: string; readonly admin: boolean }
  /** Suggestions for a value being typed (Discord autocomplete), at most 25. */
  | { readonly kind: 'choices'; readonly choices: readonly { readonly name: string; readonly value: string }[] }
  /** A modal submission refused field by field; the modal stays open where the platform allows. */
  | { readonly kind: 'fieldErrors'; readonly errors: Readonly<Record<string, string>>; readonly text: string };

/** A reply that is a message (not a modal). */
export type MessageReply = Extract<Reply, { kind: 'message' }>;
/** A reply answered later by the worker. */
export type LaterReply = Extract<Reply, { kind: 'later' }>;

/** An ephemeral message of plain paragraphs: the shape of most answers. */
export function ephemeral(...paragraphs: string[]): MessageReply {
  return message(
    'ephemeral',
    paragraphs.map((text) => ({ type: 'text', text }) as const),
  );
}

/** A message with blocks; its fallback text joins the blocks' texts. */
export function message(visibility: Visibility, blocks: readonly Block[]): MessageReply {
  const text = blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');
  return { kind: 'message', visibility, text, blocks };
}

/** Any non-modal reply as a message, for places that can only show a message. */
export function asMessage(reply: Exclude<Reply, { kind: 'modal' }>): MessageReply {
  if (reply.kind === 'message') return reply;
  if (reply.kind === 'later') return ephemeral(reply.text);
  return ephemeral(reply.kind === 'fieldErrors' ? reply.text : reply.choices.map((c) => c.name).join('\n'));
}

/** The text of a message's blocks, for notifications and screen readers. */
export const plainText = (blocks: readonly Block[]) => blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');

/** A message Organizer posts on its own (not as the answer to a request). */
export interface OutboundMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
  /**
   * The message's stable delivery id (an outbox item's id plus its place in the job). A retry of the same
   * delivery carries the same key, so the adapter can make it land once (Discord `nonce` with
   * `enforce_nonce`; Slack message metadata, checked before a retry after an unknown outcome).
   */
  readonly key?: string;
  /** An earlier attempt of this delivery may have landed: look before posting (by `key`, where the platform can). */
  readonly repeat?: boolean;
}

/** A text file Organizer sends (exports: JSON and CSV). */
export interface OutboundFile {
  readonly name: string;
  /** Text (UTF-8) or bytes (a PNG). */
  readonly content: string | Uint8Array;
  readonly contentType: string;
  /** What a picture shows, as text (Slack `alt_txt`, Discord's attachment description). */
  readonly alt?: string;
}

/** A modal's answer naming what is wrong in which field (the modal stays open, each error under its field). */
export const fieldErrors = (errors: Readonly<Record<string, string>>): Reply => ({
  kind: 'fieldErrors',
  errors,
  text: Object.values(errors).join('\n'),
});

/** `fieldErrors` when there is any error, else undefined. */
export const anyFieldErrors = (errors: Readonly<Record<string, string>>): Reply | undefined =>
  Object.keys(errors).length > 0 ? fieldErrors(errors) : undefined;
