import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { TasksCommand } from './commands.ts';
import { doneHandlers } from './done.ts';
import { listReply } from './list.ts';
import { moveHandlers } from './move.ts';
import { offerHandlers } from './offer.ts';
import { reofferHandlers } from './reoffer.ts';
import { rescheduleHandlers } from './reschedule.ts';

export { offerTask } from './offer.ts';

/** Tasks: offered with consent, then done or handed back by their owner; dates in the community's timezone. */
export const tasksHandlers: Handlers<TasksCommand> = {
  ...offerHandlers,
  tasks: inCommunity(async (cmd, ctx, deps, { snapshot, locale }) => {
    const view = { filter: cmd.filter, ...(cmd.word?.trim() ? { word: cmd.word.trim() } : {}) };
    return listReply(snapshot.community, locale, ctx, deps, view);
  }),
  ...moveHandlers,
  ...reofferHandlers,
  ...rescheduleHandlers,
  ...doneHandlers,
};
