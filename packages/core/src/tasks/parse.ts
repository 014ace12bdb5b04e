import type { Options } from '../kernel/feature.ts';
import { personArg } from '../kernel/people.ts';
import { clip } from '../kernel/text.ts';
import type { TaskCommandOf, TaskView } from './commands.ts';

/** The words after `/community task`: a mention, what to do, and an optional due date after `by`/`до`/`к`. */
export function parseTaskArgs(words: readonly string[]): TaskCommandOf<'task'> {
  const [who = '', ...others] = words;
  const person = personArg(who);
  // `campaign:<id>` anywhere attaches the task to a campaign.
  const tag = others.find((w) => /^(campaign|кампания):\S+$/i.test(w));
  const rest = others.filter((w) => w !== tag);
  const campaign = tag?.slice(tag.indexOf(':') + 1);
  const text = rest.join(' ');
  const at = [...text.matchAll(/\s(by|до|к)\s/gi)].at(-1)?.index;
  const what = (at === undefined ? text : text.slice(0, at)).trim();
  // Longer than any date in words (Discord's option takes 100 characters): what is shown of it is shorter still.
  const due = clip(at === undefined ? '' : text.slice(at).trim(), 100, '');
  return {
    type: 'task',
    ...person,
    ...(what ? { what } : {}),
    ...(due ? { due } : {}),
    ...(campaign ? { campaign: clip(campaign, 80, '') } : {}),
  };
}

const isView = (word: string): word is TaskView => word === 'mine' || word === 'overdue' || word === 'all';

/** `tasks [mine|all|overdue] [word]`: a word filters by the title. */
export function parseTasksArgs(words: readonly string[]): TaskCommandOf<'tasks'> {
  const first = words[0]?.toLowerCase() ?? '';
  const filter = isView(first) ? first : undefined;
  const word = (filter ? words.slice(1) : words).join(' ').trim();
  return { type: 'tasks', filter: filter ?? 'all', ...(word ? { word: clip(word, 100, '') } : {}) };
}

/** `done <words>`: the words find one's task by its title. */
export const parseDoneArgs = (args: string): TaskCommandOf<'task.done'> => ({
  type: 'task.done',
  ...(args ? { query: clip(args, 300, '') } : {}),
});

/** Discord's `tasks`: `done:<task>` marks one done (a suggestion's value is its id; typed words find it by its title), else the list. */
export function tasksFromOptions(option: Options): unknown {
  if (typeof option('done') === 'string') return { type: 'task.done', query: clip(String(option('done')), 300, '') };
  return {
    type: 'tasks',
    ...(option('filter') !== undefined ? { filter: option('filter') } : {}),
    ...(typeof option('word') === 'string' && String(option('word')).trim() ? { word: clip(String(option('word')), 100, '') } : {}),
  };
}
