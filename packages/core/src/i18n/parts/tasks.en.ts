/** English messages of the tasks texts (merged into `en.ts`). */
export const tasksEn = {
  'task.reschedule': 'Reschedule',
  'task.drop': 'Drop',
  'task.due.title': 'New due date',
  'task.due.submit': 'Save',
  'task.due.label': 'By when',
  'task.due.hint': 'For example: tomorrow, friday, 5 December, 2026-12-05',
  'task.due.moved': '📅 **{title}** is now due {date}.',
  'task.due.same': '**{title}** is already due {date}.',
  'task.due.bad': 'I could not read “{due}” as a date. Try tomorrow, friday, 5 December or 2026-12-05.',
  'task.notify.rescheduled': '📅 <@{user}> moved the task **{title}** to {date}.',
  'task.dropped': 'Dropped: **{title}** is off the list.',
  'task.notAsker': 'Only its owner or <@{leader}>, who asked for it, can change this task.',
  'tasks.declinedBy': ' · declined by <@{owner}>',
  'tasks.handedBackBy': ' · handed back by <@{owner}>',
  'tasks.title.word': 'Tasks matching “{word}”',
  'tasks.empty.word': 'No open task matches “{word}”.',
  'tasks.more.buttons.one':
    'Buttons are shown for the first ones; {count} more task you can act on is listed without them. Narrow the list with `/community tasks <word>`.',
  'tasks.more.buttons.few':
    'Buttons are shown for the first ones; {count} more tasks you can act on are listed without them. Narrow the list with `/community tasks <word>`.',
  'tasks.more.buttons.many':
    'Buttons are shown for the first ones; {count} more tasks you can act on are listed without them. Narrow the list with `/community tasks <word>`.',
  'tasks.more.buttons.other':
    'Buttons are shown for the first ones; {count} more tasks you can act on are listed without them. Narrow the list with `/community tasks <word>`.',
  'task.done.usage': 'Say which task, with a word of its title: for example `/community done hall`.',
  'task.done.which': 'Several of your tasks match “{query}”. Which one is done?',
  'task.done.none': 'None of your open tasks matches “{query}”.',
  'task.done.yours': 'Your open tasks:',
  'task.done.nothing': 'You have no open tasks right now.',
  'task.done.notYet': '**{title}** is waiting for your answer: accept it first.',
  'campaign.task.dropped': 'dropped',
  'cmd.tasks.done.description': 'Mark one of your tasks done (type a word of its title)',
  'cmd.tasks.word.description': 'Only tasks with this word in the title',
} as const;
