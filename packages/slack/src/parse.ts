import type { Command } from '@organizer/core';
import { clip, commandForModal, commandFromWords } from '@organizer/core';

/** Slack escapes these three characters in slash command text. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `/community <subcommand> [args]` → a command. Unknown words become `unknown`, shown the help. */
export function parseSlashText(rawText: string): Command {
  const text = unescapeSlack(rawText).trim();
  const [word = '', ...rest] = text.split(/\s+/);
  const args = rest.join(' ').trim();
  // Every word is declared by its feature.
  const owned = commandFromWords(word.toLowerCase(), rest, args);
  if (owned) return owned;
  // The word after it too: "did you mean" may be about both (`evnt new` → `event new`).
  return { type: 'unknown', input: clip([word, ...rest.slice(0, 1)].join(' '), 200, '') };
}

/** A date, time, date-time or checkbox picker's answer as text; undefined for other inputs, '' when left empty. */
function pickedValue(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const {
    type,
    selected_date: date,
    selected_time: time,
    selected_date_time: at,
    selected_options: options,
  } = input as Record<string, unknown>;
  if (type === 'datepicker') return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
  if (type === 'timepicker') return typeof time === 'string' && /^\d{2}:\d{2}$/.test(time) ? time : '';
  if (type === 'datetimepicker')
    return typeof at === 'number' && Number.isFinite(at) && Math.abs(at) < 1e11 ? new Date(Math.round(at) * 1000).toISOString() : '';
  if (type === 'checkboxes' && Array.isArray(options))
    return options
      .map((o) => (o as { value?: unknown } | null)?.value)
      .filter((v): v is string => typeof v === 'string')
      .join(',');
  return undefined;
}

/** The values of a submitted modal, keyed by block id (each input block has action id `value`; selects send `selected_option`). */
export function viewValues(view: unknown): Record<string, string> {
  type Input = {
    value?: unknown;
    selected_option?: { value?: unknown } | null;
    selected_users?: unknown;
    selected_date?: unknown;
    selected_time?: unknown;
    selected_date_time?: unknown;
    selected_options?: unknown;
  };
  const values = (view as { state?: { values?: Record<string, Record<string, Input>> } })?.state?.values ?? {};
  const result: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions?.value?.value ?? actions?.value?.selected_option?.value;
    if (typeof value === 'string') result[blockId] = value;
    // A members picker (multi_users_select) sends `selected_users`: ids, joined by spaces.
    const users = actions?.value?.selected_users;
    if (Array.isArray(users)) result[blockId] = users.filter((u) => typeof u === 'string').join(' ');
    // Pickers answer in the exact forms core's date parser takes: `2026-12-08`, `17:00`, an instant, `mon,wed`.
    const picked = pickedValue(actions?.value);
    if (picked !== undefined) result[blockId] = picked;
  }
  return result;
}

/** A modal submission → a command (its state travels in private_metadata); undefined when not ours. */
export function parseViewSubmission(callbackId: string, view: unknown): Command | undefined {
  return commandForModal(callbackId, viewValues(view), metadataOf(view).state ?? '');
}

/** The channel, modal state and opening button's `response_url` we put in `private_metadata` when opening the modal. */
export function metadataOf(view: unknown): { channelId?: string; state?: string; responseUrl?: string } {
  try {
    const meta: unknown = JSON.parse((view as { private_metadata?: string })?.private_metadata || '{}');
    const { channelId, state, responseUrl } = (meta ?? {}) as { channelId?: unknown; state?: unknown; responseUrl?: unknown };
    return {
      ...(typeof channelId === 'string' && /^[A-Z0-9]{1,30}$/.test(channelId) ? { channelId } : {}),
      ...(typeof state === 'string' ? { state } : {}),
      ...(typeof responseUrl === 'string' && /^https?:\/\//.test(responseUrl) ? { responseUrl } : {}),
    };
  } catch {
    return {};
  }
}
