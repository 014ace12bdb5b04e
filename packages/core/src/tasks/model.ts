/**
 * A responsibility as a task: proposed to someone, counted once they accept, then done or handed back.
 * A declined or handed-back task stays with the leader who asked until they drop it (or offer it anew).
 */
export type TaskStatus = 'proposed' | 'accepted' | 'declined' | 'done' | 'handedBack' | 'dropped';

export interface Task {
  readonly id: string;
  readonly communityId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly createdBy: string;
  /** The due day (YYYY-MM-DD) and the end of that day in the community's timezone (epoch seconds). */
  readonly due?: { readonly date: string; readonly dueAt: number };
  readonly status: TaskStatus;
  /** Why its owner declined it, when they said. */
  readonly reason?: string;
  /** The campaign it serves; its phase follows from the due date. */
  readonly campaignId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Which moves a task may make, and who makes them: only its owner answers or completes it. */
export const taskMoves = {
  accept: { from: 'proposed', to: 'accepted' },
  decline: { from: 'proposed', to: 'declined' },
  done: { from: 'accepted', to: 'done' },
  handBack: { from: 'accepted', to: 'handedBack' },
} as const satisfies Record<string, { from: TaskStatus; to: TaskStatus }>;
export type TaskMove = keyof typeof taskMoves;

export const taskLimits = { title: 300 } as const;

/** Open tasks (asked or accepted), overdue ones first, then by due day, then the undated. */
export function sortTasks(tasks: readonly Task[], nowSeconds: number): Task[] {
  const open = tasks.filter((task) => task.status === 'proposed' || task.status === 'accepted');
  const overdue = (task: Task) => (task.due && task.due.dueAt < nowSeconds ? 0 : 1);
  return open.sort(
    (a, b) => overdue(a) - overdue(b) || (a.due?.dueAt ?? Infinity) - (b.due?.dueAt ?? Infinity) || a.createdAt.localeCompare(b.createdAt),
  );
}

/** Declined or handed back: back with the leader who asked, shown to them until they drop it. */
export const isSettledBack = (task: Task) => task.status === 'declined' || task.status === 'handedBack';

/** The words of a text, lower-cased, split on anything that is not a letter or a digit. */
const wordsOf = (text: string) =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** True when every word of `query` starts a word of `title`, case-insensitive: `hall` finds "Book the hall". */
export function titleMatches(title: string, query: string): boolean {
  const wanted = wordsOf(query);
  if (wanted.length === 0) return false;
  const words = wordsOf(title);
  return wanted.every((w) => words.some((word) => word.startsWith(w)));
}

/** Filter words as they can travel in a button id: letters and digits joined by dots, whole words within 30 characters. */
export function idWord(query: string): string {
  let kept = '';
  for (const word of wordsOf(query)) {
    const next = kept ? `${kept}.${word}` : word;
    if ([...next].length > 30) break;
    kept = next;
  }
  return kept;
}

/** What a reader can do with a task from a list: its owner answers and finishes it, the leader who asked reschedules or drops it. */
export type TaskAction = 'accept' | 'decline' | 'done' | 'handBack' | 'due' | 'reoffer' | 'drop';

export function actionsFor(task: Task, reader: string): TaskAction[] {
  if (task.ownerId === reader) {
    if (task.status === 'proposed') return ['accept', 'decline'];
    if (task.status === 'accepted') return ['done', 'handBack', 'due'];
  }
  if (task.createdBy === reader) {
    if (task.status === 'proposed' || task.status === 'accepted') return ['due'];
    if (isSettledBack(task)) return ['reoffer', 'drop'];
  }
  return [];
}
