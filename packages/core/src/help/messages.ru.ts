import type { helpEn } from './messages.en.ts';

/** Russian messages of the help texts (merged into `ru.ts`). */
export const helpRu: Record<keyof typeof helpEn, string> = {
  'help.intro': 'Наберите `/community` и затем одну из команд. 🔑 — то, что делают лидеры (координатор, лиды ролей, админы).',
  'help.group': '**{n}. {stage}**',
  'help.group.everyday': '**Каждый день**',
  'help.group.community': '**Сообщество**',
  'help.leadersMark': '🔑',
  'help.didYouMean': 'Я не знаю `{input}`. Может быть, вы имели в виду `{suggestion}`?',
  'help.unknownShort': 'Я не знаю `{input}`.',
  'help.short': 'Я понимаю: {names}. {help} расскажет, что делает каждая.',
  'help.about.strategy': 'цель, теория изменений, тактики, сроки',
  'help.about.strategy.edit': 'написать стратегию',
  'help.about.strategy.history': 'прежние версии',
  'help.about.help': 'эта справка',
  'help.title': 'Organizer помогает построить сообщество за семь этапов прямо здесь.',
  'help.unknown': 'Я не знаю `{input}`. Вот что я умею:',
  'cmd.community.description': 'Стройте сообщество шаг за шагом',
  'cmd.help.description': 'Что умеет Organizer',
};
