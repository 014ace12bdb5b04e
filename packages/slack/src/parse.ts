import type { Command } from '@organizer/core';
import { Command as CommandSchema } from '@organizer/core';

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
      return { type: 'story.open' };
    case 'lang':
    case 'language':
      return { type: 'language', ...(args ? { locale: args.slice(0, 20) } : {}) };
    default:
      return { type: 'unknown', input: word.slice(0, 200) };
  }
}

/** The values of a submitted modal, keyed by block id (each input block has action id `value`). */
export function viewValues(view: unknown): Record<string, string> {
  const values = (view as { state?: { values?: Record<string, Record<string, { value?: unknown }>> } })?.state?.values ?? {};
  const result: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const value = actions?.value?.value;
    if (typeof value === 'string') result[blockId] = value;
  }
  return result;
}

/** A modal submission → a command, validated; undefined when it is not one of ours. */
export function parseViewSubmission(callbackId: string, view: unknown): Command | undefined {
  const v = viewValues(view);
  const raw =
    callbackId === 'setup'
      ? { type: 'setup', name: v.name, goal: v.goal, fromModal: true }
      : callbackId === 'story'
        ? { type: 'story.save', answers: { goal: v.goal, who: v.who, how: v.how, when: v.when, vision: v.vision } }
        : undefined;
  const parsed = raw ? CommandSchema.safeParse(raw) : undefined;
  return parsed?.success ? parsed.data : undefined;
}
