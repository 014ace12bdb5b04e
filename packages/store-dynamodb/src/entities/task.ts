import type { Task, Tenant } from '@organizer/core';
import { communityPrefix, tenantKey } from '../keys.ts';

/** A task (`…#TASK#<id>`). Its status moves only under a condition on the previous status and the owner. */
export interface TaskItem extends Task {
  pk: string;
  sk: string;
  entity: 'Task';
}

export const tasksPrefix = (communityId: string) => `${communityPrefix(communityId)}TASK#`;

export const taskKey = (tenant: Tenant, communityId: string, taskId: string) => ({
  pk: tenantKey(tenant),
  sk: `${tasksPrefix(communityId)}${taskId}`,
});

export function toTaskItem(tenant: Tenant, task: Task): TaskItem {
  return { ...taskKey(tenant, task.communityId, task.id), entity: 'Task', ...fromTaskItem(task) };
}

export function fromTaskItem(item: Task): Task {
  return {
    id: item.id,
    communityId: item.communityId,
    title: item.title,
    ownerId: item.ownerId,
    createdBy: item.createdBy,
    ...(item.due ? { due: { date: item.due.date, dueAt: item.due.dueAt } } : {}),
    status: item.status,
    ...(item.reason ? { reason: item.reason } : {}),
    ...(item.campaignId ? { campaignId: item.campaignId } : {}),
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
