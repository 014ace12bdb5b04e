import type { Block, MessageReply, Modal, ModalField } from '@organizer/core';
import { clip, fits, platformText } from '@organizer/core';

/**
 * Core markdown → Slack mrkdwn: `**bold**` becomes `*bold*`; `&`, `<`, `>` are escaped so user text
 * cannot ping `<!channel>`, `<!here>` or `<!subteam^…>`, while our own `<@U…>` and `<#C…>` mentions
 * survive. Organizer never writes the `<@U…|name>` form: that is what Slack makes of a mention someone
 * typed, so it is shown as `@name` and pings nobody. (Typed raw `<@U…>` is broken by core before it
 * is saved: see `shown` in core's `text.ts`.)
 */
export function toMrkdwn(text: string): string {
  // Dates arrive as Discord-style `<t:EPOCH:D>`; Slack shows `<!date^…>` in each reader's timezone.
  // They are set aside (private-use placeholders) so escaping below leaves them intact.
  const dates: string[] = [];
  // `:D` is a date, `:F` a date with its time, `:f` the short form of a date with its time.
  const withoutDates = platformText(text, 'slack').replace(/<t:(\d{1,12}):([DFf])>/g, (_whole, epoch: string, style: string) => {
    const iso = new Date(Number(epoch) * 1000).toISOString();
    const fallback = `${iso.slice(0, 16).replace('T', ' ')} UTC`;
    dates.push(
      style === 'F'
        ? `<!date^${epoch}^{date_long_pretty} {time}|${fallback}>`
        : style === 'f'
          ? `<!date^${epoch}^{date_short_pretty} {time}|${fallback}>`
          : `<!date^${epoch}^{date_short}|${iso.slice(0, 10)}>`,
    );
    return `\uE000${dates.length - 1}\uE001`;
  });
  return withoutDates
    .replace(/<([@#])[A-Z0-9]+\|([^<>|]+)>/g, (_whole, sigil: string, name: string) => `${sigil}\u2060${name}`)
    .replace(/&/g, '&amp;')
    .replace(/<(?![@#][A-Z0-9]+>)/g, '&lt;')
    .replace(/(?<!<[@#][A-Z0-9]+)>/g, '&gt;')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/\uE000(\d+)\uE001/g, (_whole, i: string) => dates[Number(i)] ?? '');
}

/**
 * Slack's limits (section and context text 3000, header 150, button 75, modal title 24, …) are counted
 * in UTF-16 code units, as `clip` counts; a cut inside a surrogate pair made the Web API client throw
 * `URIError` while encoding the request, so every cut goes through `clip`.
 */
const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(platformText(text, 'slack'), max), emoji: true });
const TEXT_MAX = 3000;

function renderBlock(block: Block): Record<string, unknown> {
  switch (block.type) {
    case 'header':
      return { type: 'header', text: plain(block.text, 150) };
    case 'text':
      return { type: 'section', text: { type: 'mrkdwn', text: clip(toMrkdwn(block.text), TEXT_MAX) } };
    case 'context':
      return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(toMrkdwn(block.text), TEXT_MAX) }] };
    case 'divider':
      return { type: 'divider' };
    case 'actions':
      return {
        type: 'actions',
        elements: block.buttons.map((b) => ({
          type: 'button',
          action_id: b.id,
          value: b.id,
          text: plain(b.label, 75),
          ...(b.primary ? { style: 'primary' } : {}),
        })),
      };
  }
}

/** A message reply → `text` (notifications, screen readers) plus Block Kit blocks. */
export function renderMessage(reply: Pick<MessageReply, 'text' | 'blocks'>): {
  text: string;
  blocks: Record<string, unknown>[];
} {
  return { text: clip(toMrkdwn(reply.text), TEXT_MAX), blocks: reply.blocks.map(renderBlock) };
}

/** A message reply as a slash command's immediate response. */
export function renderSlashResponse(reply: MessageReply): Record<string, unknown> {
  return { response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral', ...renderMessage(reply) };
}

/** Slack's static select holds at most 100 options. */
const OPTIONS_MAX = 100;

/** A field picked from choices or members rather than typed. */
const chooses = (field: ModalField) => field.options !== undefined || field.users !== undefined;

/** A choice field as a static select; its value comes back as `selected_option.value`. */
function selectElement(field: ModalField): Record<string, unknown> {
  // A members picker: its ids come back as `selected_users` (at most 100 preselected).
  if (field.users)
    return {
      type: 'multi_users_select',
      action_id: 'value',
      ...(field.users.length > 0 ? { initial_users: field.users.slice(0, 100) } : {}),
    };
  // Core offers few enough choices (roles, rungs); past Slack's 100 the preselected one is kept in the list.
  const all = field.options ?? [];
  const kept =
    all.length <= OPTIONS_MAX
      ? all
      : [...all.filter((o) => o.value === field.value), ...all.filter((o) => o.value !== field.value)].slice(0, OPTIONS_MAX);
  const options = kept.map((o) => ({ text: plain(o.label, 75), value: o.value }));
  const initial = options.find((o) => o.value === field.value);
  return { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) };
}

/**
 * Slack's own pickers for dates and times; `viewValues` reads their answers back into the exact text the
 * date parser takes. Without a `timezone`, a timepicker's answer is a wall-clock time, read in the zone
 * the command uses; a datetimepicker's is an instant.
 */
function pickerElement(field: ModalField): Record<string, unknown> {
  const picked = field.picked ?? '';
  if (field.picker === 'date')
    return { type: 'datepicker', action_id: 'value', ...(/^\d{4}-\d{2}-\d{2}$/.test(picked) ? { initial_date: picked } : {}) };
  if (field.picker === 'time')
    return { type: 'timepicker', action_id: 'value', ...(/^\d{2}:\d{2}$/.test(picked) ? { initial_time: picked } : {}) };
  if (field.picker === 'datetime')
    return { type: 'datetimepicker', action_id: 'value', ...(/^\d{1,12}$/.test(picked) ? { initial_date_time: Number(picked) } : {}) };
  const options = (field.options ?? []).slice(0, 10).map((o) => ({ text: plain(o.label, 75), value: o.value }));
  const initial = options.filter((o) => picked.split(',').includes(o.value));
  return { type: 'checkboxes', action_id: 'value', options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
}

/** A modal → a Slack view. `private_metadata` carries the channel, which view submissions lack. */
export function renderModal(modal: Modal, channelId: string, responseUrl?: string): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: modal.id,
    title: plain(modal.title, 24),
    submit: plain(modal.submit, 24),
    // `responseUrl`: the message whose button opened the modal, so that its submission can redraw it.
    private_metadata: JSON.stringify({
      channelId,
      ...(modal.state ? { state: modal.state } : {}),
      ...(responseUrl ? { responseUrl } : {}),
    }),
    blocks: modal.fields.map((field) => ({
      type: 'input',
      block_id: field.id,
      optional: !field.required,
      label: plain((field.picker && field.pickerLabel) || field.label, 2000),
      // A hint says what to type: a picker needs none.
      ...(field.hint && !field.picker ? { hint: plain(field.hint, 2000) } : {}),
      element: field.picker
        ? pickerElement(field)
        : chooses(field)
          ? selectElement(field)
          : {
              type: 'plain_text_input',
              action_id: 'value',
              multiline: field.multiline,
              max_length: Math.min(field.maxLength, TEXT_MAX),
              // A value longer than the input holds is left out, never cut: saving a cut value would lose the rest.
              ...(field.value && fits(field.value, Math.min(field.maxLength, TEXT_MAX)) ? { initial_value: field.value } : {}),
              ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
            },
    })),
  };
}
