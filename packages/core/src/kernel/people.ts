import type { Tenant } from '../community/model.ts';
import { localeFor } from './context.ts';
import type { AnyCommand } from './feature.ts';
import { loadLocale, t, tn } from './i18n/translate.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import type { Reply } from './reply.ts';
import { ephemeral } from './reply.ts';
import { clip } from './text.ts';

/**
 * A mention as the platforms send it: Slack with `should_escape: true` (`<@U123|name>`, `<@U123>`,
 * enterprise `<@W123>`), Discord (`<@123>`, the older `<@!123>`). The one pattern every parser uses.
 */
export const MENTION = /^<@!?([UW][A-Z0-9]{1,39}|\d{1,30})(?:\|[^>]*)?>$/;
/** The same, anywhere in a text (every mention of a list). */
export const MENTIONS = /<@!?([UW][A-Z0-9]{1,39}|\d{1,30})(?:\|[^>]*)?>/g;

/** What a word that names a person gives: an id from a mention, else the name typed (`@ben` → `ben`). */
export function personArg(word: string | undefined, bare = false): { userId?: string; userName?: string } {
  if (!word) return {};
  const userId = MENTION.exec(word)?.[1];
  if (userId) return { userId };
  // A typed `@name` (or, where only a person can stand, a bare name): looked up among the members.
  const name = word.startsWith('@') ? word.slice(1) : bare ? word : '';
  return /^[^\s<>@]{1,80}$/.test(name) ? { userName: name } : {};
}

/** A member as the platform lists them: their unique handle (`name` / `username`) and every name they go by. */
export interface Person {
  readonly id: string;
  readonly handle: string;
  readonly names: readonly string[];
}

/** Members of a tenant's workspace or guild; implemented by each adapter with its platform's API. */
export interface PeopleDirectory {
  /**
   * Members who may be meant by `query` (the adapter may return more than match; core decides). Throws when
   * the platform cannot be asked (429, 5xx, timeout): the user hears it could not look people up right now.
   */
  find(tenant: Tenant, query: string): Promise<readonly Person[]>;
}

const fold = (text: string) => text.normalize('NFKC').trim().replace(/^@/, '').toLocaleLowerCase();

/** Who a typed name means: one person whose name is exactly it (any letter case), else those it begins. */
export function matchPeople(people: readonly Person[], query: string): { found: Person } | { several: Person[] } | { none: true } {
  const q = fold(query);
  if (!q) return { none: true };
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  const exact = unique.filter((p) => [p.handle, ...p.names].some((n) => fold(n) === q));
  if (exact.length === 1) return { found: exact[0] as Person };
  if (exact.length > 1) return { several: exact };
  const near = unique.filter((p) =>
    [p.handle, ...p.names].some((n) =>
      fold(n)
        .split(/[\s._-]+/)
        .some((word) => word.startsWith(q) || fold(n).startsWith(q)),
    ),
  );
  return near.length > 0 ? { several: near } : { none: true };
}

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
