import type { Block, Modal, Reply } from '@organizer/core';
import type { APIInteractionResponse, APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags, TextInputStyle } from './api.ts';

/** Discord's limits: message content, embed description, modal title/label, description/placeholder. */
const CONTENT_MAX = 2000;
const EMBED_MAX = 4096;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

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
  return { type: InteractionResponseType.ChannelMessageWithSource, data: { ...messageBody(reply.blocks), ...(flags ? { flags } : {}) } };
}

/** Blocks → message content (or an embed when long) and button rows; also used for posts through the REST API. */
export function messageBody(blocks: readonly Block[]): Record<string, unknown> {
  const content = blocks
    .filter((b) => b.type !== 'actions')
    .map(line)
    .join('\n');
  const body = content.length <= CONTENT_MAX ? { content } : { embeds: [{ description: clip(content, EMBED_MAX) }] };
  const rows = blocks.flatMap((b) =>
    b.type === 'actions'
      ? [
          {
            type: ComponentType.ActionRow,
            components: b.buttons.slice(0, 5).map((button) => ({
              type: ComponentType.Button,
              style: button.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
              custom_id: button.id.slice(0, 100),
              label: clip(button.label, 80),
            })),
          },
        ]
      : [],
  );
  // Mentions in our messages are for display: nobody gets pinged by a status card or a shared story.
  return { ...body, allowed_mentions: { parse: [] }, ...(rows.length > 0 ? { components: rows } : {}) };
}

/** A modal → Discord's modal with text inputs inside Label components (action rows are deprecated). */
export function renderModal(modal: Modal): APIInteractionResponse {
  const data: APIModalInteractionResponseCallbackData = {
    custom_id: (modal.state ? `${modal.id}|${modal.state}` : modal.id).slice(0, 100),
    title: clip(modal.title, 45),
    components: modal.fields.slice(0, 5).map((field) => ({
      type: ComponentType.Label,
      label: clip(field.label, 45),
      ...(field.hint ? { description: clip(field.hint, 100) } : {}),
      component: field.options
        ? {
            type: ComponentType.StringSelect,
            custom_id: field.id,
            required: field.required,
            options: field.options
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
            ...(field.value ? { value: clip(field.value, 4000) } : {}),
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
  if (reply.kind === 'fieldErrors') {
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: clip(reply.text, CONTENT_MAX), flags: MessageFlags.Ephemeral },
    };
  }
  return renderMessage(reply);
}
