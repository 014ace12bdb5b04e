/** A responsibility as a task: proposed to someone, counted once they accept, then done or handed back. */
export type TaskStatus = 'proposed' | 'accepted' | 'declined' | 'done' | 'handedBack';

export interface Task {
  readonly id: string;
  readonly communityId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly createdBy: string;
  /** The due day (YYYY-MM-DD) and the end of that day in the community's timezone (epoch seconds). */
  readonly due?: { readonly date: string; readonly dueAt: number };
  readonly status: TaskStatus;
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
