import { communityZone } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { type Block, message } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import type { DecisionCommand } from './commands.ts';
import { logEntry } from './log-lines.ts';
import type { Decision } from './model.ts';

/** Entries the log shows at most; the list budget usually stops it sooner (a few lines each). */
const MAX_ENTRIES = 15;
/** Discord shows at most 25 autocomplete choices, each name at most 100 characters. */
const MAX_CHOICES = 25;

const isOpen = (d: Decision) => d.status !== 'closed';
const byNewest = (a: Decision, b: Decision) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
const holds = (typed: string) => (d: Decision) => d.title.toLocaleLowerCase().includes(typed);

/**
 * Each decision knowing what reopened it: the newer proposal names the older one (`reopens`) from its
 * creation, and the older one is told (`reopenedBy`) by a second write, which the log need not wait for.
 */
function withChain(decisions: readonly Decision[]): Decision[] {
  const reopener = new Map(decisions.flatMap((d) => (d.reopens ? [[d.reopens, d.id] as const] : [])));
  return decisions.map((d) => (d.reopenedBy || !reopener.has(d.id) ? d : { ...d, reopenedBy: reopener.get(d.id) }));
}

/** The decision log (`decisions [word]`) and the closed decisions a new proposal may reopen (Discord's suggestions). */
export const decisionLogHandlers: Pick<Handlers<DecisionCommand>, 'decisions' | 'decisions.suggest'> = {
  decisions: inCommunity(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const all = withChain(await deps.decisions.list(ctx.tenant, community.id));
    const typed = cmd.query?.trim().toLocaleLowerCase() ?? '';
    // Open ones first (what can still be voted on), then the closed; each newest first.
    const shownOnes = all
      .filter((d) => (cmd.open ? isOpen(d) : true))
      .filter(holds(typed))
      .sort((a, b) => Number(isOpen(b)) - Number(isOpen(a)) || byNewest(a, b));
    const word = shown(clip(cmd.query?.trim() ?? '', 60));
    const header: Block = {
      type: 'header',
      text: typed
        ? t(locale, 'decisions.log.titleMatching', { community: community.name, word })
        : t(locale, 'decisions.log.title', { community: community.name }),
    };
    if (shownOnes.length === 0) {
      const text = typed
        ? t(locale, 'decisions.log.noMatch', { word })
        : t(locale, cmd.open && all.length > 0 ? 'decisions.log.emptyOpen' : 'decisions.log.empty');
      return message('ephemeral', [header, { type: 'text', text }]);
    }
    const others = new Map(all.map((d) => [d.id, d]));
    const entries = shownOnes.map((d) => logEntry(locale, ctx.tenant, d, others));
    const list = linesWithMore(locale, entries, { max: MAX_ENTRIES, separator: '\n\n', how: t(locale, 'decisions.log.more.how') });
    const blocks: Block[] = [header, { type: 'text', text: list }];
    if (shownOnes.some((d) => d.status === 'closed')) blocks.push({ type: 'context', text: t(locale, 'decisions.log.howReopen') });
    return message('ephemeral', blocks);
  }),

  // Autocomplete answers only with choices (never a message): outside a community there are none.
  'decisions.suggest': async (cmd, ctx, deps) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found') return { kind: 'choices', choices: [] };
    const { community } = found.snapshot;
    const typed = cmd.query.trim().toLocaleLowerCase();
    // A decision reopened already is not offered: its later proposal is the one to reopen (create refuses it).
    const closed = withChain(await deps.decisions.list(ctx.tenant, community.id))
      .filter((d) => d.status === 'closed' && !d.reopenedBy && (holds(typed)(d) || d.id.startsWith(typed)))
      .sort(byNewest)
      .slice(0, MAX_CHOICES);
    const { DateTime } = await import('luxon');
    const zone = communityZone(community);
    const day = (d: Decision) => DateTime.fromISO(d.closedAt ?? d.closesAt, { zone }).toISODate() ?? '';
    return {
      kind: 'choices',
      choices: closed.map((d) => ({ name: clip(`${d.title} · ${day(d)}`.replace(/\s+/g, ' '), 100), value: d.id })),
    };
  },
};
