import type { Command } from './command.ts';
import { personArg } from './people.ts';
import { clip } from './text.ts';

const kinds = ['questions', 'self', 'us', 'now'] as const;
type Kind = (typeof kinds)[number];
const isKind = (word: string | undefined): word is Kind => (kinds as readonly string[]).includes(word ?? '');
const toNumber = (word: string | undefined) => (word === undefined ? undefined : /^\d{1,6}$/.test(word) ? Number(word) : -1);

/**
 * The words after `/community story`, shared by Slack (typed text) and Discord (options):
 * nothing → the coach; `self|us|now|questions` → its modal; `history [kind] [n]`, `share <kind>`,
 * `delete`, `needed [n]`.
 */
export function parseStoryArgs(words: readonly string[]): Command {
  const [first, second, third] = words.map((w) => w.toLowerCase());
  if (first === undefined) return { type: 'story.coach' };
  if (first === 'vision') return { type: 'story.open', kind: 'questions' };
  if (isKind(first)) return { type: 'story.open', kind: first };
  if (first === 'history') {
    const kind = isKind(second) ? second : 'questions';
    const version = toNumber(isKind(second) ? third : second);
    return { type: 'story.history', kind, ...(version !== undefined && version > 0 ? { version } : {}) };
  }
  if (first === 'share') return { type: 'story.share', kind: second === 'us' || second === 'now' ? second : 'self' };
  if (first === 'delete') return { type: 'story.delete' };
  if (first === 'needed') {
    const count = toNumber(second);
    return { type: 'story.needed', ...(count !== undefined ? { count } : {}) };
  }
  return { type: 'unknown', input: `story ${first}`.slice(0, 200) };
}

/** The words after `/community role`: `add [name]`, `edit <name>`, `remove <name>`. */
export function parseRoleArgs(words: readonly string[]): Command {
  const [action = '', ...rest] = words;
  const name = rest.join(' ').trim();
  const verb = action.toLowerCase();
  if (verb === 'add') return { type: 'role.add', ...(name ? { name } : {}) };
  if ((verb === 'edit' || verb === 'remove') && name) return { type: verb === 'edit' ? 'role.edit' : 'role.remove', name };
  return { type: 'unknown', input: clip(`role ${action}`.trim(), 200, '') };
}

/**
 * The words after `/community assign|unassign`: who (a mention as Slack sends it with `should_escape`,
 * or a typed `@name` or name, looked up among the members), the role's name, and `lead` at the end.
 */
export function parseAssignArgs(type: 'assign' | 'unassign', words: readonly string[]): Command {
  const [who = '', ...rest] = words;
  const person = personArg(who, true);
  const lead = type === 'assign' && rest.length > 1 && /^(lead|руководитель)$/i.test(rest.at(-1) ?? '');
  const role = (lead ? rest.slice(0, -1) : rest).join(' ').trim();
  return type === 'assign' ? { type, ...person, ...(role ? { role } : {}), lead } : { type, ...person, ...(role ? { role } : {}) };
}

/** The words after `/community task`: a mention, what to do, and an optional due date after `by`/`до`/`к`. */
export function parseTaskArgs(words: readonly string[]): Command {
  const [who = '', ...others] = words;
  const person = personArg(who);
  // `campaign:<id>` anywhere attaches the task to a campaign.
  const tag = others.find((w) => /^(campaign|кампания):\S+$/i.test(w));
  const rest = others.filter((w) => w !== tag);
  const campaign = tag?.slice(tag.indexOf(':') + 1);
  const text = rest.join(' ');
  const at = [...text.matchAll(/\s(by|до|к)\s/gi)].at(-1)?.index;
  const what = (at === undefined ? text : text.slice(0, at)).trim();
  const due = at === undefined ? '' : text.slice(at).trim();
  return {
    type: 'task',
    ...person,
    ...(what ? { what } : {}),
    ...(due ? { due } : {}),
    ...(campaign ? { campaign: clip(campaign, 80, '') } : {}),
  };
}
