import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';

/** The subcommands of `coalition`, and the words (English and Russian) that name each. */
export const coalitionVerbs = {
  create: ['create', 'new', 'form', 'создать', 'новая', 'основать'],
  invite: ['invite', 'code', 'пригласить', 'приглашение', 'код'],
  join: ['join', 'accept', 'вступить', 'присоединиться', 'принять'],
  leave: ['leave', 'quit', 'выйти', 'покинуть'],
  status: ['status', 'board', 'статус', 'доска', 'обзор'],
  story: ['story', 'история', 'рассказ'],
  campaign: ['campaign', 'кампания'],
} as const;
export type CoalitionVerb = keyof typeof coalitionVerbs;

/** A typed verb → the subcommand it names, or undefined. */
export function coalitionVerbOf(word: string): CoalitionVerb | undefined {
  const lower = word.trim().toLocaleLowerCase('ru');
  return (Object.keys(coalitionVerbs) as CoalitionVerb[]).find((verb) => (coalitionVerbs[verb] as readonly string[]).includes(lower));
}

/** The words after the verb, as typed (spacing inside kept, the ends trimmed). */
const after = (args: string, verb: string) => {
  const trimmed = args.trim();
  return trimmed.slice(trimmed.indexOf(verb) + verb.length).trim();
};

/** `status 2`: the board's second page; a number out of range is left to the schema, anything else is the first page. */
const pageOf = (rest: string) => (/^[1-9]\d{0,2}$/.test(rest) ? { page: Number(rest) } : {});

/** A subcommand and what was typed after it → a raw command. */
function coalitionCommand(verb: CoalitionVerb, rest: string): unknown {
  switch (verb) {
    case 'create':
      return { type: 'coalition.create', ...(rest ? { name: rest } : {}) };
    case 'join':
      return { type: 'coalition.join', ...(rest ? { code: clip(rest, 200, '') } : {}) };
    case 'story':
      return { type: 'coalition.story.open' };
    case 'campaign':
      return { type: 'coalition.campaign.open' };
    case 'status':
      return { type: 'coalition.status', ...pageOf(rest) };
    default:
      return { type: `coalition.${verb}` };
  }
}

/**
 * Slack: `coalition <create|invite|join|leave|status|story> [text]` (Russian words too). `coalition` alone
 * shows the board; a verb it does not know is `unknown`, answered with the verbs there are.
 */
export function parseCoalitionArgs(rest: readonly string[], args: string): unknown {
  const [word] = rest;
  if (word === undefined) return { type: 'coalition.status' };
  const verb = coalitionVerbOf(word);
  if (!verb) return { type: 'unknown', input: clip(`coalition ${word}`, 200, '') };
  return coalitionCommand(verb, after(args, word));
}

/** Discord: `/community coalition <sub> [name:|code:]` → the same command Slack's words make. */
export const coalitionFromOptions =
  (verb: CoalitionVerb) =>
  (option: Options): unknown => {
    const value = option(verb === 'create' ? 'name' : verb === 'status' ? 'page' : 'code');
    return coalitionCommand(verb, typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
  };
