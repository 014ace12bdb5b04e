import type { Tenant } from '../community/model.ts';
import type { Task, TaskStatus } from './model.ts';

/** Tasks with owners and due dates; implemented by `store-dynamodb`. */
export interface TaskStore {
  create(tenant: Tenant, task: Task): Promise<'saved' | 'exists'>;
  get(tenant: Tenant, communityId: string, taskId: string): Promise<Task | undefined>;
  /** A community's tasks, newest first (at most `limit`). */
  list(tenant: Tenant, communityId: string, limit: number): Promise<Task[]>;
  /** Moves a task if it is still in `from` and `userId` owns it: one outcome however often a button is clicked. */
  move(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    userId: string,
    from: TaskStatus,
    to: TaskStatus,
    at: string,
    /** Why it was declined, kept on the task. */
    reason?: string,
  ): Promise<'saved' | 'conflict'>;
  /** The leader who asked drops a declined or handed-back task (`dropped`): it leaves their lists. */
  drop(tenant: Tenant, communityId: string, taskId: string, askedBy: string, at: string): Promise<'saved' | 'conflict'>;
  /** The leader who asked offers a declined or handed-back task to someone (again `proposed`, their reason cleared). */
  reoffer(tenant: Tenant, communityId: string, taskId: string, askedBy: string, ownerId: string, at: string): Promise<'saved' | 'conflict'>;
  /** A new due day, if the task is still open and unchanged since `previous` (its `updatedAt`). */
  reschedule(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    due: { date: string; dueAt: number },
    previous: string,
    at: string,
  ): Promise<'saved' | 'conflict'>;
}
