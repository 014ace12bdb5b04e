import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type TasksCommand, tasksCommands, taskViews } from './commands.ts';
import { tasksHandlers } from './handlers.ts';
import { tasksActions, tasksModals } from './ids.ts';
import { runPlanJob, runTaskUnreachableJob } from './jobs.ts';
import { parseDoneArgs, parseTaskArgs, parseTasksArgs, tasksFromOptions } from './parse.ts';
import { runReminderJob } from './reminder-job.ts';

/** Tasks (stage 6's, and every day's): offered with consent, answered, rescheduled, offered anew, done; reminders. */
export const tasksFeature = feature<TasksCommand>({
  id: 'tasks',
  commands: tasksCommands,
  handlers: tasksHandlers,
  readOnly: ['tasks.suggest', 'task.due.open', 'task.decline.open', 'task.reoffer.open', 'tasks'],
  words: {
    task: (rest) => parseTaskArgs(rest),
    tasks: (rest) => parseTasksArgs(rest),
    done: (_rest, args) => parseDoneArgs(args),
  },
  discord: [
    {
      name: 'task',
      description: 'cmd.task.description',
      options: [
        { name: 'user', kind: 'user', description: 'cmd.assign.user.description', required: true },
        { name: 'what', kind: 'string', description: 'cmd.task.what.description', required: true, maxLength: 300 },
        { name: 'due', kind: 'string', description: 'cmd.task.due.description', maxLength: 100 },
        { name: 'campaign', kind: 'string', description: 'cmd.task.campaign.description', maxLength: 80 },
      ],
      parse: (option) => ({ type: 'task', userId: option('user'), what: option('what'), due: option('due'), campaign: option('campaign') }),
    },
    {
      name: 'tasks',
      description: 'cmd.tasks.description',
      options: [
        { name: 'filter', kind: 'string', description: 'cmd.tasks.filter.description', choices: taskViews },
        { name: 'word', kind: 'string', description: 'cmd.tasks.word.description', maxLength: 100 },
        // The caller's open tasks are suggested while typing (their ids come back as the value).
        {
          name: 'done',
          kind: 'string',
          description: 'cmd.tasks.done.description',
          maxLength: 100,
          suggest: (query) => ({ type: 'tasks.suggest', query }),
        },
      ],
      parse: tasksFromOptions,
    },
  ],
  actions: tasksActions,
  modals: tasksModals,
  forms: {
    task: form('task · $1 · $2 · by $3 · campaign:$4', 'task · user:$1 · what:$2 · due:$3 · campaign:$4'),
    tasks: form('tasks', 'tasks'),
    'tasks.filter': form('tasks $1', 'tasks filter:$1'),
    'tasks.word': form('tasks $1', 'tasks word:$1'),
    /** Marks one's own task done by a word of its title. */
    done: form('done $1', 'tasks done:$1'),
  },
  help: [
    { form: 'task', group: 'campaigns', leadersOnly: true },
    { form: 'tasks', group: 'everyday', leadersOnly: false },
    { form: 'done', group: 'everyday', leadersOnly: false },
  ],
  aliases: { task: ['задача'], tasks: ['задачи'] },
  jobs: { task: runReminderJob, 'task.plan': runPlanJob, 'task.unreachable': runTaskUnreachableJob },
  dueKinds: ['task'],
});
