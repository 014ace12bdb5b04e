import type { Block, Modal, Reply } from '@organizer/core';
import { clip, fits, platformText } from '@organizer/core';
import type { APIInteractionResponse, APIModalInteractionResponseCallbackData, SelectMenuDefaultValueType } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags, TextInputStyle } from './api.ts';

/**
 * Discord's limits: message content, embed description; five buttons a row and five rows a message.
 * Cuts go through core's `clip` (grapheme boundaries, UTF-16 units: never more than Discord's own count).
 */
const CONTENT_MAX = 2000;
const EMBED_MAX = 4096;
const BUTTONS_PER_ROW = 5;
const ROWS_MAX = 5;

/**
 * Who a message may ping: nobody by `parse` (no `@everyone`, `@here`, roles or users found in the text),
 * only the users Organizer means to notify. User text re-posted in a message can name anyone; it pings no one.
 */
export function allowedMentions(users: readonly string[] = []): { parse: never[]; users?: string[] } {
  const unique = [...new Set(users)].slice(0, 100);
  return unique.length > 0 ? { parse: [], users: unique } : { parse: [] };
}

function line(block: Block): string {
  switch (block.type) {
    case 'actions':
      return '';
    case 'header':
      return `**${block.text}**`;
    case 'text':
      return block.text;
    case 'context':
      return `-# ${block.text}`;
    case 'divider':
      return '';
  }
}

/** A message reply → an interaction message; long ones go into an embed, which holds twice as much. */
export function renderMessage(reply: Extract<Reply, { kind: 'message' }>): APIInteractionResponse {
  const flags = reply.visibility === 'ephemeral' ? MessageFlags.Ephemeral : undefined;
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...messageBody(reply.blocks, reply.ping), ...(flags ? { flags } : {}) },
  };
}

/**
 * Blocks → message content (or an embed when long), button rows and `allowed_mentions`; also the body of
 * posts and edits through the REST API. `ping`: the users this message deliberately notifies (none by default).
 */
export function messageBody(blocks: readonly Block[], ping: readonly string[] = []): Record<string, unknown> {
  const lines = blocks.filter((b) => b.type !== 'actions').map((b) => platformText(line(b), 'discord'));
  const content = lines.join('\n');
  const body = content.length <= CONTENT_MAX ? { content } : { embeds: embedsOf(lines) };
  // More than five buttons wrap onto further rows rather than being dropped.
  const rows = blocks
    .flatMap((b) =>
      b.type === 'actions'
        ? Array.from({ length: Math.ceil(b.buttons.length / BUTTONS_PER_ROW) }, (_, i) =>
            b.buttons.slice(i * BUTTONS_PER_ROW, (i + 1) * BUTTONS_PER_ROW),
          )
        : [],
    )
    .slice(0, ROWS_MAX)
    .map((buttons) => ({
      type: ComponentType.ActionRow,
      components: buttons.map((button) => ({
        type: ComponentType.Button,
        style: button.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
        custom_id: button.id.slice(0, 100),
        label: clip(button.label, 80),
      })),
    }));
  // Mentions in our messages are for display: nobody gets pinged by a status card or a shared story.
  return { ...body, allowed_mentions: allowedMentions(ping), ...(rows.length > 0 ? { components: rows } : {}) };
}

/** Embeds' descriptions together hold at most 6000 characters, in at most 10 embeds. */
const EMBEDS_TOTAL_MAX = 6000;
const EMBEDS_MAX = 10;

/** Long content as embeds, split between blocks (help's groups), each within 4096 and all within 6000. */
function embedsOf(lines: readonly string[]): { description: string }[] {
  const descriptions: string[] = [];
  for (const text of lines) {
    const last = descriptions.length - 1;
    if (last >= 0 && (descriptions[last] as string).length + 1 + text.length <= EMBED_MAX) descriptions[last] += `\n${text}`;
    else descriptions.push(clip(text, EMBED_MAX));
  }
  let room = EMBEDS_TOTAL_MAX;
  return descriptions.slice(0, EMBEDS_MAX).flatMap((text) => {
    const description = clip(text, room);
    room -= description.length;
    return description ? [{ description }] : [];
  });
}

/** A modal → Discord's modal with text inputs inside Label components (action rows are deprecated). */
export function renderModal(modal: Modal): APIInteractionResponse {
  const data: APIModalInteractionResponseCallbackData = {
    custom_id: (modal.state ? `${modal.id}|${modal.state}` : modal.id).slice(0, 100),
    title: clip(modal.title, 45),
    // Discord has no date pickers: a picker field is a text input here, and what its picker's companions
    // (`pickerOnly`, an event's length) would ask is typed into it.
    components: modal.fields
      .filter((field) => !field.pickerOnly)
      .slice(0, 5)
      .map((field) => ({
        type: ComponentType.Label,
        label: clip(field.label, 45),
        ...(field.hint ? { description: clip(platformText(field.hint, 'discord'), 100) } : {}),
        component: field.users
          ? {
              // Discord's modals hold a user select inside a Label; its ids come back as `values`.
              type: ComponentType.UserSelect,
              custom_id: field.id,
              required: field.required,
              min_values: field.required ? 1 : 0,
              max_values: 25,
              default_values: field.users.slice(0, 25).map((id) => ({ id, type: 'user' as SelectMenuDefaultValueType.User })),
            }
          : field.options && !field.picker
            ? {
                type: ComponentType.StringSelect,
                custom_id: field.id,
                required: field.required,
                // At most 25 options; past that the preselected one is kept in the list.
                options: [...field.options.filter((o) => o.value === field.value), ...field.options.filter((o) => o.value !== field.value)]
                  .slice(0, 25)
                  .map((o) => ({ label: clip(o.label, 100), value: o.value, default: o.value === field.value })),
              }
            : {
                type: ComponentType.TextInput,
                custom_id: field.id,
                style: field.multiline ? TextInputStyle.Paragraph : TextInputStyle.Short,
                required: field.required,
                max_length: Math.min(field.maxLength, 4000),
                ...(field.required ? { min_length: 1 } : {}),
                // A value longer than the input holds is left out, never cut: saving a cut value would lose the rest.
                ...(field.value && fits(field.value, Math.min(field.maxLength, 4000)) ? { value: field.value } : {}),
                ...(field.placeholder ? { placeholder: clip(field.placeholder, 100) } : {}),
              },
      })),
  };
  return { type: InteractionResponseType.Modal, data };
}

/** Any reply → an interaction response. Field errors become an ephemeral message: Discord cannot mark fields. */
export function renderReply(reply: Reply): APIInteractionResponse {
  if (reply.kind === 'modal') return renderModal(reply.modal);
  if (reply.kind === 'choices')
    return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [...reply.choices] } };
  // Answered later by the worker, which edits this "thinking…" answer; ephemeral from the start (an edit cannot make it so).
  if (reply.kind === 'later')
    return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } };
  if (reply.kind === 'fieldErrors') {
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: clip(platformText(reply.text, 'discord'), CONTENT_MAX),
        allowed_mentions: allowedMentions(),
        flags: MessageFlags.Ephemeral,
      },
    };
  }
  return renderMessage(reply);
}
