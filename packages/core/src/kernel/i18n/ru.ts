import { boardRu } from '../../board/messages.ru.ts';
import { calendarRu } from '../../calendar/messages.ru.ts';
import { campaignsRu } from '../../campaigns/messages.ru.ts';
import { coalitionCampaignRu } from '../../coalitions/campaign.ru.ts';
import { coalitionRu } from '../../coalitions/coalition.ru.ts';
import { languageRu } from '../../community/language.ru.ts';
import { communityRu } from '../../community/messages.ru.ts';
import { dashboardRu } from '../../dashboard/messages.ru.ts';
import { debriefRu } from '../../debrief/messages.ru.ts';
import { decisionsRu } from '../../decisions/messages.ru.ts';
import { eventsRu } from '../../events/messages.ru.ts';
import { expansionRu } from '../../expansion/messages.ru.ts';
import { exportRu } from '../../export/messages.ru.ts';
import { helpRu } from '../../help/messages.ru.ts';
import { homeRu } from '../../home/messages.ru.ts';
import { linkRu } from '../../links/link.ru.ts';
import { membersRu } from '../../members/messages.ru.ts';
import { oneononesRu } from '../../oneonones/messages.ru.ts';
import { pairingRu } from '../../pairing/messages.ru.ts';
import { reportRu } from '../../report/messages.ru.ts';
import { rolesRu } from '../../roles/messages.ru.ts';
import { standupRu } from '../../standup/messages.ru.ts';
import { statusRu } from '../../status/messages.ru.ts';
import { storyRu } from '../../story/messages.ru.ts';
import { strategyRu } from '../../strategy/messages.ru.ts';
import { tasksRu } from '../../tasks/messages.ru.ts';
import { timezoneRu } from '../../timezone/messages.ru.ts';
import { datesRu } from './dates.ru.ts';
import type { MessageKey } from './en.ts';
import { peopleRu } from './people.ru.ts';
import { playgroundRu } from './playground.ru.ts';

/** Russian catalog: the type makes a missing key a compile error; `catalogs.test.ts` also catches extra keys. */
export const ru: Record<MessageKey, string> = {
  ...calendarRu,
  ...campaignsRu,
  ...coalitionRu,
  ...linkRu,
  ...coalitionCampaignRu,
  ...communityRu,
  ...debriefRu,
  ...decisionsRu,
  ...expansionRu,
  ...exportRu,
  ...membersRu,
  ...oneononesRu,
  ...pairingRu,
  ...rolesRu,
  ...storyRu,
  ...strategyRu,
  'app.name': 'Organizer',
  'platform.guildOnly': 'Organizer работает на сервере: выполните `/community` в одном из его каналов.',

  'community.none': 'Здесь пока нет сообщества. Лидер может создать его: {cmd:setup <название>}.',
  'community.elsewhere': 'В этом канале нет сообщества. Выполните команду в одном из каналов: {channels}.',
  'community.gone': 'Этого сообщества здесь больше нет. Начните заново: {cmd:setup <название>}.',

  'error.generic': 'У нас что-то сломалось. Попробуйте ещё раз через минуту.',
  'error.pending': 'Я ещё занимаюсь этим запросом; ответ появится здесь через мгновение.',
  'error.badRequest': 'Не удалось прочитать запрос. Ничего не изменилось.',
  'admin.unverified':
    'Не получилось проверить ваши права администратора в рабочем пространстве, поэтому ничего не изменилось. Попробуйте ещё раз через минуту.',
  'forged.refused':
    'Эта кнопка не для вас, поэтому ничего не изменилось. Пользуйтесь кнопками, которые прислал Organizer, или спросите лидера.',
  'list.more.one': '…и ещё {count} пункт. {how}',
  'list.more.few': '…и ещё {count} пункта. {how}',
  'list.more.many': '…и ещё {count} пунктов. {how}',
  'list.more.other': '…и ещё {count} пункта. {how}',
  'progress.more.one': '{list}, … (и ещё {count})',
  'progress.more.few': '{list}, … (и ещё {count})',
  'progress.more.many': '{list}, … (и ещё {count})',
  'progress.more.other': '{list}, … (и ещё {count})',
  'due.gaveUp':
    'Сутки я не мог доставить сообщение о **{what}** (платформа отказывала), поэтому перестал пытаться. Проверьте, что я ещё могу туда писать.',
  'install.title': 'Добавить Organizer в Slack',
  'install.lead': 'Organizer помогает сообществу пройти семь этапов, от истории до следующих шагов, прямо в ваших каналах.',
  'install.button': 'Добавить в Slack',
  'install.disabled': 'Установка с этой страницы здесь не настроена: этот Organizer работает для одного рабочего пространства.',
  'install.done.title': 'Organizer установлен',
  'install.done.body': 'Organizer теперь в {team}. В канале, где общается ваше сообщество, напишите {cmd:setup}, чтобы начать.',
  'install.done.open': 'Открыть Slack',
  'install.cancelled': 'Установка отменена. Ничего не изменилось; можно начать заново со страницы установки.',
  'install.badState': 'Ссылка для установки устарела или уже использована. Ничего не изменилось; начните заново со страницы установки.',
  'install.failed': 'Slack не принял установку. Ничего не изменилось; попробуйте снова со страницы установки через минуту.',
  'install.missing':
    'Organizer больше не установлен в этом рабочем пространстве. Администратор может добавить его снова со страницы установки.',
  'install.again': 'К странице установки',
  'playground.title': 'Песочница Organizer',
  'playground.lead':
    'Попробуйте любую команду так, как её покажут Slack или Discord. Всё остаётся на этом компьютере: рабочие пространства, люди и вызовы API здесь собственные, песочницы.',
  'playground.platform': 'Платформа',
  'playground.space': 'Пространство или сервер',
  'playground.channel': 'Канал',
  'playground.user': 'Вы',
  'playground.language': 'Язык',
  'playground.placeholder': 'команда, например setup Жильцы Зелёной улицы',
  'playground.send': 'Отправить',
  'playground.try': 'Попробуйте:',
  'playground.calls': 'Вызовы API {platform} от Organizer',
  'playground.calls.empty': 'Пока ничего не отправлено.',
  'playground.onlyYou': 'Видно только вам',
  'playground.dm': 'Личное сообщение для {name}',
  'playground.thread': 'В ветке',
  'playground.cancel': 'Отмена',
  'playground.thinking': 'Organizer думает…',
  'playground.failed': 'Запрос не принят ({status}).',
  'playground.empty': 'Введите команду ниже. `setup` создаёт сообщество в этом канале; `status` показывает его семь этапов.',
  ...datesRu,
  ...peopleRu,
  ...languageRu,
  ...tasksRu,
  ...timezoneRu,
  ...eventsRu,
  ...helpRu,
  ...homeRu,
  ...boardRu,
  ...statusRu,
  ...reportRu,
  ...dashboardRu,
  ...standupRu,
  ...playgroundRu,
};
