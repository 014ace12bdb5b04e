import type { languageEn } from './language.en.ts';

/** Russian messages of the language texts (merged into `ru.ts`). */
export const languageRu: Record<keyof typeof languageEn, string> = {
  'lang.name.en': 'английский',
  'lang.name.ru': 'русский',
  'lang.state':
    'Язык сообщества — {community}: на нём посты в канале, карточки и сводки. Лидер меняет его командой {cmd:lang en} или {cmd:lang ru}.',
  'lang.mine.chosen':
    'Ваш собственный язык — {language}: ответы, окна и личные сообщения. {cmd:lang.me off} — снова как в настройках Slack или Discord.',
  'lang.mine.platform':
    'Вам я пишу на языке ваших настроек Slack или Discord ({language}). Свой язык: {cmd:lang.me ru} или {cmd:lang.me en}.',
  'lang.me.set': 'Готово: теперь я отвечаю вам по-русски — ответы, окна и личные сообщения. Посты в канале остаются на языке сообщества.',
  'lang.me.off': 'Готово: снова отвечаю вам на языке ваших настроек Slack или Discord (сейчас — {language}).',
  'lang.me.unsupported':
    'Я говорю на `en` (английском) и `ru` (русском): {cmd:lang.me ru} или {cmd:lang.me off}, чтобы снова следовать настройкам Slack или Discord.',
  'lang.redrawn.one': 'Открытое приглашение на стендап перерисовано на новом языке.',
  'lang.redrawn.few': '{count} открытых приглашения на стендап перерисованы на новом языке.',
  'lang.redrawn.many': '{count} открытых приглашений на стендап перерисованы на новом языке.',
  'lang.redrawn.other': '{count} открытого приглашения на стендап перерисованы на новом языке.',
  'cmd.lang.me.description': 'Ваш собственный язык, а не сообщества (off — как в Discord)',
  'setup.field.zone.label': 'Часовой пояс',
  'setup.field.zone.placeholder': 'Europe/Moscow или город',
  'setup.field.zone.hint': 'По нему идут стендапы и сроки. Пусто — UTC.',
  'setup.zone.invalid':
    'Не знаю часового пояса «{zone}». Укажите, например, Europe/Moscow или Asia/Yekaterinburg, или оставьте пустым — будет UTC.',
  'setup.zone.choose': 'В «{place}» несколько часовых поясов: {zones}. Укажите тот, в котором живёт сообщество.',
  'setup.zone.set': 'Часовой пояс: **{zone}**. По нему идут стендапы и сроки; лидер меняет его командой {cmd:tz}.',
  'setup.zone.fromProfile': 'Часовой пояс: **{zone}**, из вашего профиля — изменить можно командой {cmd:tz}.',
  'setup.zone.ask': 'В каком часовом поясе живёт сообщество? По нему идут стендапы и сроки, а пока он не указан — по UTC.',
  'setup.zone.button': 'Указать часовой пояс',
  'tz.modal.title': 'Часовой пояс',
  'tz.modal.submit': 'Сохранить',
};
