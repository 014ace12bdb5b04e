import type { Command } from '@organizer/core';
import {
  clip,
  commandForModal,
  parseAssignArgs,
  parseAwayArgs,
  parseCampaignArgs,
  parseEventArgs,
  parseNextArgs,
  parseOneOnOneArgs,
  parsePairArgs,
  parseRoleArgs,
  parseStandupArgs,
  parseStoryArgs,
  parseStrategyArgs,
  parseTaskArgs,
  parseTzArgs,
} from '@organizer/core';

/** Slack escapes these three characters in slash command text. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `/community <subcommand> [args]` → a command. Unknown words become `unknown`, shown the help. */
export function parseSlashText(rawText: string): Command {
  const text = unescapeSlack(rawText).trim();
  const [word = '', ...rest] = text.split(/\s+/);
  const args = rest.join(' ').trim();
  switch (word.toLowerCase()) {
    case '':
    case 'help':
      return { type: 'help' };
    case 'setup':
      return { type: 'setup', ...(args ? { name: args } : {}), fromModal: false };
    case 'status':
      return { type: 'status' };
    case 'story':
      return parseStoryArgs(rest);
    case 'roles':
      return { type: 'roles' };
    case 'role':
      return parseRoleArgs(rest);
    case 'assign':
    case 'unassign':
      return parseAssignArgs(word.toLowerCase() as 'assign' | 'unassign', rest);
    case 'task':
      return parseTaskArgs(rest);
    case 'tasks':
      return { type: 'tasks', filter: args === 'mine' || args === 'overdue' ? args : 'all' };
    case 'tz':
      return parseTzArgs(rest);
    case 'standup':
      return parseStandupArgs(rest);
    case 'away':
      return parseAwayArgs(rest);
    case 'strategy':
      return parseStrategyArgs(rest);
    case 'event':
      return parseEventArgs(rest);
    case 'events':
      return { type: 'events' };
    case 'debrief':
      return { type: 'debrief.open', ...(args ? { name: clip(args, 80, '') } : {}) };
    case 'next':
      return parseNextArgs(rest);
    case 'export':
      return { type: 'export' };
    case 'erase':
      return { type: 'erase.open' };
    case 'ladder':
      return args === 'edit' ? { type: 'ladder.open' } : { type: 'ladder' };
    case 'join':
      return { type: 'join' };
    case '1on1':
    case '1on1s':
      return word.toLowerCase() === '1on1s' ? { type: 'oneonones' } : parseOneOnOneArgs(rest);
    case 'values':
      return { type: 'values' };
    case 'pair':
      return parsePairArgs(rest);
    case 'celebrate':
      return { type: 'celebrate', ...(args ? { note: args } : {}) };
    case 'campaign':
    case 'campaigns':
      return parseCampaignArgs(word.toLowerCase() === 'campaigns' ? ['list'] : rest);
    case 'lang':
    case 'language':
      return { type: 'language', ...(args ? { locale: clip(args, 20, '') } : {}) };
    default:
      return { type: 'unknown', input: clip(word, 200, '') };
  }
}

/** The values of a submitted modal, keyed by block id (each input block has action id `value`; selects send `selected_option`). */
export function viewValues(view: unknown): Record<string, string> {
  type Input = { value?: unknown; selected_option?: { value?: unknown } | null };
  const values = (view as { state?: { values?: Record<string, Record<string, Input>> } })?.state?.values ?? {};
  const result: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions?.value?.value ?? actions?.value?.selected_option?.value;
    if (typeof value === 'string') result[blockId] = value;
  }
  return result;
}

/** A modal submission → a command (its state travels in private_metadata); undefined when not ours. */
export function parseViewSubmission(callbackId: string, view: unknown): Command | undefined {
  return commandForModal(callbackId, viewValues(view), metadataOf(view).state ?? '');
}

/** The channel and modal state we put in `private_metadata` when opening the modal. */
export function metadataOf(view: unknown): { channelId?: string; state?: string } {
  try {
    const meta: unknown = JSON.parse((view as { private_metadata?: string })?.private_metadata || '{}');
    const { channelId, state } = (meta ?? {}) as { channelId?: unknown; state?: unknown };
    return {
      ...(typeof channelId === 'string' && /^[A-Z0-9]{1,30}$/.test(channelId) ? { channelId } : {}),
      ...(typeof state === 'string' ? { state } : {}),
    };
  } catch {
    return {};
  }
}
