/** English messages of the help texts (merged into `en.ts`). */
export const helpEn = {
  'help.intro': 'Type `/community` and then one of these. 🔑 marks what leaders do (the coordinator, role leads, admins).',
  'help.group': '**{n}. {stage}**',
  'help.group.everyday': '**Every day**',
  'help.group.community': '**The community**',
  'help.leadersMark': '🔑',
  'help.didYouMean': 'I don’t know `{input}`. Did you mean `{suggestion}`?',
  'help.unknownShort': 'I don’t know `{input}`.',
  'help.short': 'I understand: {names}. {help} shows what each one does.',
  'help.about.strategy': 'goal, theory of change, tactics, timeline',
  'help.about.strategy.edit': 'write the strategy',
  'help.about.strategy.history': 'earlier versions',
  'help.about.help': 'this help',
  'help.title': 'Organizer helps you build a community in seven stages, right here.',
  'help.unknown': 'I don’t know `{input}`. Here is what I can do:',
  'cmd.community.description': 'Build and run your community, stage by stage',
  'cmd.help.description': 'What Organizer can do',
} as const;
