import { homeAfterClick } from '../home/after-click.ts';
import { withReader } from './context.ts';
import { CoreError } from './errors.ts';
import type { AnyCommand } from './feature.ts';
import { loadLocale, t } from './i18n/translate.ts';
import { answerJob } from './later.ts';
import { withNamedPerson } from './named-person.ts';
import { AtHome, atHome, placed } from './place.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import { handlerFor } from './registry.ts';
import type { LaterReply, Reply } from './reply.ts';
import { ephemeral } from './reply.ts';
import { shown } from './text.ts';

const answersUnread: ReadonlySet<string> = new Set(['help', 'unknown']);

/** Runs a validated command. Unexpected failures are thrown for the edge to log and soften. */
export async function runCommand(command: AnyCommand, given: CommandContext, deps: CoreDeps): Promise<Reply> {
  // The reader's own language (chosen, or their platform's) before anything is said to them. Help (and a
  // mistyped command, which shows it) reads nothing: it answers in the platform's language at once, so its
  // cold start pays for no database or Slack call.
  // From a place linked to a community elsewhere, the command acts at the community's home.
  const ctx = answersUnread.has(command.type) ? given : await withReader(await placed(given, deps), deps);
  // The languages this command may answer in before it knows its community (which `resolveCommunity` loads).
  await Promise.all([loadLocale(ctx.userLocale), loadLocale(deps.defaultLocale)]);
  try {
    // Someone named by a typed name (no mention) is looked up among the members first.
    const named = await withNamedPerson(command, ctx, deps);
    if ('reply' in named) return named.reply;
    const type = named.command.type;
    const handler = handlerFor(type);
    if (!handler) throw new Error(`No feature answers ${type}`);
    const reply = await handler(shownCommand(named.command), ctx, deps);
    // A click on the Home tab has no channel to answer in: the Home view is drawn again, the answer on top.
    if (ctx.surface === 'home' && reply.kind === 'message') await deps.deferred.run([homeAfterClick(ctx, reply)]);
    // Answered later: the interaction's target goes into the worker's job only, committed with the others.
    if (reply.kind === 'later') await deps.deferred.run([laterJob(ctx, reply, deps.now())]);
    return reply;
  } catch (error) {
    if (error instanceof AtHome && !ctx.place) return runCommand(command, atHome(given, error.link), deps);
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

/** A `later` reply's job; a handler answers later only where the platform gave a way to (`answerLater`). */
function laterJob(ctx: CommandContext, reply: LaterReply, now: Date) {
  const job = answerJob(ctx, reply.view, reply.admin, now);
  if (!job) throw new Error(`${reply.view} answered later without a way to answer`);
  return job;
}
