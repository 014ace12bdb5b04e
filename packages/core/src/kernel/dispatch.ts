import { campaignFeature } from '../campaigns/handlers.ts';
import { eraseFeature } from '../community/erase.ts';
import { languageFeature } from '../community/language.ts';
import { setupFeature } from '../community/setup.ts';
import { debriefFeature } from '../debrief/handlers.ts';
import { eventsFeature } from '../events/handlers.ts';
import { expansionFeature } from '../expansion/handlers.ts';
import { helpFeature } from '../help/handlers.ts';
import { oneOnOnesFeature } from '../oneonones/handlers.ts';
import { pairingFeature } from '../pairing/handlers.ts';
import { assignFeature } from '../roles/assign.ts';
import { rolesFeature } from '../roles/handlers.ts';
import { standupAnswerFeature } from '../standup/answer.ts';
import { standupFeature } from '../standup/handlers.ts';
import { standupReportFeature } from '../standup/report.ts';
import { statusFeature } from '../status/handlers.ts';
import { storyAdminFeature } from '../story/admin.ts';
import { storyCoachFeature } from '../story/coach.ts';
import { storyFeature } from '../story/handlers.ts';
import { storyHistoryFeature } from '../story/history.ts';
import { storyShareFeature } from '../story/share.ts';
import { storyTellFeature } from '../story/tell.ts';
import { tasksFeature } from '../tasks/handlers.ts';
import type { Command, CommandType } from './command.ts';
import { withReader } from './context.ts';
import { CoreError } from './errors.ts';
import type { AnyCommand, Features, Handler } from './feature.ts';
import { loadLocale, t } from './i18n/translate.ts';
import { withNamedPerson } from './named-person.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import { handlerFor } from './registry.ts';
import type { Reply } from './reply.ts';
import { ephemeral } from './reply.ts';
import { shown } from './text.ts';

/** Every feature file registers its handlers here; the type makes a forgotten command a compile error. */
const handlers: Features<CommandType> = {
  ...helpFeature,
  ...setupFeature,
  ...statusFeature,
  ...storyFeature,
  ...storyTellFeature,
  ...storyCoachFeature,
  ...storyHistoryFeature,
  ...storyShareFeature,
  ...storyAdminFeature,
  ...languageFeature,
  ...rolesFeature,
  ...assignFeature,
  ...tasksFeature,
  ...standupFeature,
  ...standupAnswerFeature,
  ...standupReportFeature,
  ...campaignFeature,
  ...eventsFeature,
  ...debriefFeature,
  ...expansionFeature,
  ...oneOnOnesFeature,
  ...pairingFeature,
  ...eraseFeature,
};

const answersUnread: ReadonlySet<string> = new Set<CommandType>(['help', 'unknown']);

/** Runs a validated command. Unexpected failures are thrown for the edge to log and soften. */
export async function runCommand(command: AnyCommand, given: CommandContext, deps: CoreDeps): Promise<Reply> {
  // The reader's own language (chosen, or their platform's) before anything is said to them. Help (and a
  // mistyped command, which shows it) reads nothing: it answers in the platform's language at once, so its
  // cold start pays for no database or Slack call.
  const ctx = answersUnread.has(command.type) ? given : await withReader(given, deps);
  // The languages this command may answer in before it knows its community (which `resolveCommunity` loads).
  await Promise.all([loadLocale(ctx.userLocale), loadLocale(deps.defaultLocale)]);
  try {
    // Someone named by a typed name (no mention) is looked up among the members first.
    const named = await withNamedPerson(command, ctx, deps);
    if ('reply' in named) return named.reply;
    const type = named.command.type;
    const handler = Object.hasOwn(handlers, type) ? (handlers[type as CommandType] as Handler<AnyCommand>) : handlerFor(type);
    if (!handler) throw new Error(`No feature answers ${type}`);
    return await handler(shownCommand(named.command), ctx, deps);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const locale = error.locale ?? ctx.userLocale ?? deps.defaultLocale;
    await loadLocale(locale);
    return ephemeral(t(locale, error.key ?? (error.code === 'ADMIN.UNVERIFIED' ? 'admin.unverified' : 'error.generic')));
  }
}

/**
 * Everything a person typed is kept as something to show, never to send: mention and broadcast syntax
 * in it (`<@U…>`, `<!channel>`, `@everyone`…) is broken before any feature saves or re-posts it, so a
 * story, answer, task title or celebration pings nobody when Organizer posts it. Ids the adapters parsed
 * (the person a task is for) are fields of their own and carry no such syntax.
 */
function shownCommand<C>(value: C): C {
  if (typeof value === 'string') return shown(value) as C;
  if (Array.isArray(value)) return value.map(shownCommand) as C;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shownCommand(inner)])) as C;
  return value;
}
