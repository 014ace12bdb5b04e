import type { SubcommandSpec } from '../kernel/feature.ts';
import { type OpenKind, openKinds } from './model.ts';

const isKind = (word: string | undefined): word is OpenKind => (openKinds as readonly string[]).includes(word ?? '');
const toNumber = (word: string | undefined) => (word === undefined ? undefined : /^\d{1,6}$/.test(word) ? Number(word) : -1);

/** The words `story` understands after it, as Discord choices (the same words Slack users type). */
const storyVerbs = [...openKinds, 'history', 'share', 'delete', 'needed'] as const;

/**
 * The words after `/community story`, shared by Slack (typed text) and Discord (options):
 * nothing → the coach; `self|us|now|questions` → its modal; `history [kind] [n]`, `share <kind>`,
 * `delete`, `needed [n]`.
 */
export function parseStoryArgs(words: readonly string[]): unknown {
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

/** Discord's `/community story action:… kind:… number:…`: read as the same words, in that order. */
export const storySubcommand: SubcommandSpec = {
  name: 'story',
  description: 'cmd.story.description',
  options: [
    { name: 'action', kind: 'string', description: 'cmd.story.action.description', choices: storyVerbs },
    { name: 'kind', kind: 'string', description: 'cmd.story.kind.description', choices: openKinds },
    { name: 'number', kind: 'integer', description: 'cmd.story.number.description', min: 1, max: 999_999 },
  ],
  parse: (option) => parseStoryArgs([option('action'), option('kind'), option('number')].filter((v) => v !== undefined).map(String)),
};
