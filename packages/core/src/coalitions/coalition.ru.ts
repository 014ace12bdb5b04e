import type { coalitionEn } from './coalition.en.ts';

/** Russian texts of coalitions, typed against English's keys. */
export const coalitionRu: Record<keyof typeof coalitionEn, string> = {
  'cmd.coalition.description': 'Сообщества вместе: коалиция с другими сообществами',
  'cmd.coalition.create.description': 'Основать коалицию, с этим сообществом первым участником (координатор)',
  'cmd.coalition.create.name.description': 'Название коалиции',
  'cmd.coalition.invite.description': 'Одноразовый код, приглашающий другое сообщество (координатор)',
  'cmd.coalition.join.description': 'Вступить в коалицию по коду от её координатора (координатор)',
  'cmd.coalition.join.code.description': 'Код приглашения: десять букв и цифр',
  'cmd.coalition.leave.description': 'Выйти из коалиции, сразу (координатор)',
  'cmd.coalition.status.description': 'Доска коалиции: семь этапов каждого участника рядом',
  'cmd.coalition.status.page.description': 'Какая страница доски (по десять сообществ)',
  'coalition.board.more.how': 'Следующие: {cmd:coalition.status.page {page}} (из {pages}).',
  'coalition.board.page': 'Страница {page} из {pages}.',
  'cmd.coalition.story.description': 'Общая история «мы» коалиции (лидеры)',
  'help.about.coalition.create': 'основать коалицию с другими сообществами',
  'help.about.coalition.invite': 'одноразовый код для другого сообщества, действует 15 минут',
  'help.about.coalition.join': 'вступить в коалицию по коду',
  'help.about.coalition.leave': 'выйти из коалиции',
  'help.about.coalition.status': 'доска коалиции: прогресс всех участников рядом',
  'help.about.coalition.story': 'общая история «мы» коалиции',
  'coalition.forbidden':
    'Говорить за **{community}** в коалиции может только его координатор (или администратор пространства или сервера). Ничего не изменено.',
  'coalition.none':
    '**{community}** пока не входит ни в одну коалицию. Координатор может основать её командой {cmd:coalition.create <название>} и пригласить другие сообщества или вступить в коалицию по коду от её координатора: {cmd:coalition.join <код>}.',
  'coalition.create.noName': 'Дайте коалиции название длиной до {max} символов: {cmd:coalition.create <название>}.',
  'coalition.busy':
    '**{community}** уже входит в коалицию **{name}**, а сообщество может быть только в одной. Чтобы основать другую или вступить в другую, сначала выйдите: {cmd:coalition.leave}.',
  'coalition.created':
    '🤝 Коалиция **{name}** основана, **{community}** — её первый участник. Пригласите другое сообщество командой {cmd:coalition.invite}: она даст одноразовый код для координатора того сообщества. А потом напишите, почему вы вместе: {cmd:coalition.story}.',
  'coalition.invite.code':
    '🔑 Приглашение в **{name}**: **{code}**\nКод действует один раз, до {expires} (15 минут), и виден только вам. Передайте его координатору приглашённого сообщества; в канале своего сообщества он набирает\nв Slack: `{slack}`\nв Discord: `{discord}`',
  'coalition.invite.failed': 'Не получилось создать код. Ничего не изменено; попробуйте ещё раз через минуту.',
  'coalition.join.noCode': 'Наберите полученный код приглашения, например `K7QX2-M9DTR`: {cmd:coalition.join <код>}.',
  'coalition.join.malformed':
    '«{typed}» — не код приглашения: код — это десять букв и цифр, например `K7QX2-M9DTR`. Уточните его у того, кто его дал. Ничего не изменено.',
  'coalition.join.unknown':
    'Такого кода нет, или он уже использован: каждый код действует один раз. Попросите у координатора коалиции новый ({cmd:coalition.invite}). Ничего не изменено.',
  'coalition.join.expired':
    'Срок кода истёк: код действует 15 минут. Попросите у координатора коалиции новый ({cmd:coalition.invite}). Ничего не изменено.',
  'coalition.join.tooMany':
    'Из этого канала ввели слишком много неверных кодов. Подождите 15 минут и наберите код снова: до тех пор ничего не проверяется.',
  'coalition.join.full': 'Коалиция **{name}** заполнена: в ней не больше {max} сообществ. Ничего не изменено.',
  'coalition.join.busy': 'Пока я добавлял **{community}**, что-то изменилось, поэтому ничего не изменено. Попробуйте ещё раз.',
  'coalition.gone': 'Этой коалиции больше нет. Ничего не изменено.',
  'coalition.join.done':
    '🤝 **{community}** теперь в коалиции **{name}**. Каналы участников узнают об этом. Доска: {cmd:coalition.status}.',
  'coalition.notice.joined.one':
    '🤝 **{community}** вступает в коалицию **{name}**: теперь вместе действует {count} сообщество. Прогресс всех: {cmd:coalition.status}',
  'coalition.notice.joined.few':
    '🤝 **{community}** вступает в коалицию **{name}**: теперь вместе действуют {count} сообщества. Прогресс всех: {cmd:coalition.status}',
  'coalition.notice.joined.many':
    '🤝 **{community}** вступает в коалицию **{name}**: теперь вместе действуют {count} сообществ. Прогресс всех: {cmd:coalition.status}',
  'coalition.notice.joined.other':
    '🤝 **{community}** вступает в коалицию **{name}**: теперь вместе действуют {count} сообщества. Прогресс всех: {cmd:coalition.status}',
  'coalition.notice.left.one': '**{community}** выходит из коалиции **{name}**; в ней остаётся {count} сообщество.',
  'coalition.notice.left.few': '**{community}** выходит из коалиции **{name}**; в ней остаются {count} сообщества.',
  'coalition.notice.left.many': '**{community}** выходит из коалиции **{name}**; в ней остаются {count} сообществ.',
  'coalition.notice.left.other': '**{community}** выходит из коалиции **{name}**; в ней остаются {count} сообщества.',
  'coalition.leave.done':
    '**{community}** вышло из коалиции **{name}**. Каналы остальных участников узнают об этом; данные сообщества, как и прежде, остаются только его.',
  'coalition.leave.conflict': 'Пока я выводил **{community}** из коалиции, она менялась, поэтому ничего не изменено. Попробуйте ещё раз.',
  'coalition.story.forbidden': 'Историю «мы» коалиции пишут только лидеры **{community}**. Ничего не изменено.',
  'coalition.story.title': 'Наша история «мы»',
  'coalition.story.submit': 'Сохранить',
  'coalition.story.label': 'Почему мы вместе',
  'coalition.story.hint': 'Кто мы вместе, что нас объединяет и почему мы действуем сообща',
  'coalition.story.empty': 'Напишите, почему эти сообщества действуют вместе.',
  'coalition.story.tooLong': 'Не больше {max} символов, пожалуйста: в этой истории {length}.',
  'coalition.story.conflict':
    'Пока вы писали, кто-то сохранил историю «{name}», поэтому ваша не сохранена. Скопируйте свой текст, откройте историю снова, прочитайте новую версию и дополните её.',
  'coalition.story.saved':
    'История «мы» коалиции **{name}** сохранена. Все сообщества-участники видят её на доске: {cmd:coalition.status}.',
  'coalition.board.title': '🤝 {name}: коалиция',
  'coalition.board.story': '📖 {story}',
  'coalition.board.noStory': 'Истории «мы» пока нет: её пишет лидер любого участника командой {cmd:coalition.story}.',
  'coalition.board.together': 'Вместе: {communities} · {events} · {tasks} · {oneOnOnes}',
  'coalition.board.legend': 'Этапы: ✅ готово · ☑️ отмечено готовым · 🟡 в работе · ⚪ не начато',
  'coalition.board.row': '**{name}** · {platform}',
  'coalition.board.stage': '{stage} {icon} {done}/{total}',
  'coalition.board.counts': '{events} · {tasks} · {oneOnOnes}',
  'coalition.board.campaign': '📣 {campaign}: {phase}',
  'coalition.board.campaignOnly': '📣 {campaign}',
  'coalition.platform.slack': 'Slack',
  'coalition.platform.discord': 'Discord',
  'coalition.count.communities.one': '{count} сообщество',
  'coalition.count.communities.few': '{count} сообщества',
  'coalition.count.communities.many': '{count} сообществ',
  'coalition.count.communities.other': '{count} сообщества',
  'coalition.count.events.one': '{count} событие проведено',
  'coalition.count.events.few': '{count} события проведено',
  'coalition.count.events.many': '{count} событий проведено',
  'coalition.count.events.other': '{count} события проведено',
  'coalition.count.tasks.one': '{count} задача принята',
  'coalition.count.tasks.few': '{count} задачи принято',
  'coalition.count.tasks.many': '{count} задач принято',
  'coalition.count.tasks.other': '{count} задачи принято',
  'coalition.count.oneOnOnes.one': '{count} встреча один на один',
  'coalition.count.oneOnOnes.few': '{count} встречи один на один',
  'coalition.count.oneOnOnes.many': '{count} встреч один на один',
  'coalition.count.oneOnOnes.other': '{count} встречи один на один',
  'coalition.status.line': '🤝 Входит в коалицию **{name}**: {cmd:coalition.status}',
};
