import { localeFor } from './context.ts';
import type { AnyCommand } from './feature.ts';
import { loadLocale, t, tn } from './i18n/translate.ts';
import { fold, matchPeople, type Person } from './people.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import type { Reply } from './reply.ts';
import { ephemeral } from './reply.ts';
import { clip } from './text.ts';

/** A command that names one person: a mention gives `userId`, a typed name `userName`. */
interface Named extends AnyCommand {
  readonly userId?: string;
  readonly userName?: string;
}
const isNamed = (command: AnyCommand): command is Named => 'userName' in command && typeof command.userName === 'string';

/** How a suggested person reads: `@handle (Real Name)`, so typing it again finds exactly them. */
const suggestion = (p: Person) => {
  const other = p.names.find((n) => n.trim() && fold(n) !== fold(p.handle));
  return `@${p.handle}${other ? ` (${clip(other, 40)})` : ''}`;
};

/**
 * A command that names someone by a typed name instead of a mention gets their id from the members of
 * the workspace (or guild) before it runs: exactly one match runs it for them; several, none, or a
 * platform that cannot be asked answer kindly and change nothing. Only a refusal reads the community
 * (for its language).
 */
export async function withNamedPerson<C extends AnyCommand>(
  command: C,
  ctx: CommandContext,
  deps: CoreDeps,
): Promise<{ command: C } | { reply: Reply }> {
  if (!isNamed(command) || command.userId) return { command };
  const { userName, ...rest } = command;
  const typed = clip((userName ?? '').replace(/[`<>*_~]/g, ''), 60);
  let answer: ReturnType<typeof matchPeople> | 'unavailable';
  try {
    answer = matchPeople(await deps.people.find(ctx.tenant, fold(userName ?? '')), userName ?? '');
    // Nobody of that name here: a community in several places looks in its other places too.
    if ('none' in answer) answer = await inPlaces(ctx, deps, userName ?? '', answer);
  } catch {
    answer = 'unavailable';
  }
  if (answer !== 'unavailable' && 'found' in answer) return { command: { ...rest, userId: answer.found.id } as unknown as C };
  const found = await deps.store.lookup(ctx.tenant, ctx.channelId).catch(() => undefined);
  const locale = localeFor(found?.kind === 'found' ? found.snapshot.community : undefined, ctx, deps);
  await loadLocale(locale);
  if (answer === 'unavailable') return { reply: ephemeral(t(locale, 'people.unavailable', { name: typed })) };
  if ('none' in answer) return { reply: ephemeral(t(locale, 'people.none', { name: typed })) };
  const named = answer.several.slice(0, 5).map(suggestion);
  const more = answer.several.length - named.length;
  if (more > 0) return { reply: ephemeral(tn(locale, 'people.several.more', more, { name: typed, people: named.join(', ') })) };
  const last = named.pop() as string;
  const vars = { name: typed, first: named.join(', '), last };
  return { reply: ephemeral(t(locale, named.length > 0 ? 'people.several' : 'people.one', vars)) };
}

/** The people of a name in the community's other places (one read of its places, remembered when there are none). */
async function inPlaces(
  ctx: CommandContext,
  deps: CoreDeps,
  userName: string,
  none: ReturnType<typeof matchPeople>,
): Promise<ReturnType<typeof matchPeople>> {
  const places = await deps.links.places(ctx.tenant);
  const found = (await Promise.all(places.map((link) => deps.people.find(link.place.tenant, fold(userName))))).flat();
  return found.length > 0 ? matchPeople(found, userName) : none;
}
