import { localToday, phaseName } from '../campaigns/handlers.ts';
import type { CommunitySnapshot } from '../community/facts.ts';
import type { StageMark } from '../community/model.ts';
import { inCommunity, seesAsLeader } from '../kernel/context.ts';
import type { Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { message } from '../kernel/reply.ts';
import { shown } from '../kernel/text.ts';
import type { Task } from '../tasks/model.ts';
import type { StatusCommand } from './commands.ts';
import { nextActionText } from './hints.ts';
import type { ItemProgress } from './progress.ts';
import { computeProgress } from './progress.ts';

/** Who reads the card: leaders get the stage's next leader action, members one of their own. */
export type Reader =
  | { readonly kind: 'leader' }
  | { readonly kind: 'member'; readonly userId: string; readonly tasks: readonly Task[]; readonly nowSeconds: number };

/** `✅ four questions · ⬜ stories of self 1/3`: what is done and what is missing. */
function checklist(items: readonly ItemProgress[], locale: Locale): string {
  return items
    .map(({ item, done, count }) => {
      const name = t(locale, `status.item.${item.fact}`);
      const label = count ? t(locale, 'status.check.count', { item: name, ...count }) : name;
      return t(locale, done ? 'status.check.done' : 'status.check.todo', { item: label });
    })
    .join(' · ');
}

/** A member's own next step: an offer waiting, an overdue task, their story, a meeting, an event, a round. */
function memberAction(snapshot: CommunitySnapshot, reader: Extract<Reader, { kind: 'member' }>, locale: Locale): string {
  const { community } = snapshot;
  const mine = reader.tasks.filter((task) => task.ownerId === reader.userId);
  const offered = mine.find((task) => task.status === 'proposed');
  if (offered) return t(locale, 'status.member.offer', { title: offered.title });
  const overdue = mine.find((task) => task.status === 'accepted' && task.due && task.due.dueAt < reader.nowSeconds);
  if (overdue?.due) return t(locale, 'status.member.overdue', { title: overdue.title, date: overdue.due.date });
  if (!community.selfAuthors.includes(reader.userId)) return t(locale, 'status.member.self');
  if (community.activity.oneOnOnes < community.oneOnOneTarget) return t(locale, 'status.member.oneOnOne');
  if (community.activity.events > 0) return t(locale, 'status.member.events');
  return t(locale, mine.length > 0 ? 'status.member.tasks' : 'status.member.pair');
}

/** A stage's line: done, marked done by a leader (with their reason), or how far along. */
function stageLine(locale: Locale, vars: Record<string, string | number>, complete: boolean, marked: StageMark | undefined): string {
  if (complete) return t(locale, 'status.stage.done', vars);
  if (!marked) return t(locale, 'status.stage', vars);
  const by = { ...vars, by: marked.by };
  return marked.reason ? t(locale, 'status.stage.markedWhy', { ...by, reason: marked.reason }) : t(locale, 'status.stage.marked', by);
}

/** Once a strategy is written: whether the community adopted it (this version) by a decision, or who wrote it. */
function strategyLine({ community }: CommunitySnapshot, locale: Locale): string | undefined {
  if (community.strategyVersion === 0) return undefined;
  const adopted = community.strategyAdopted;
  const date = adopted ? `<t:${Math.floor(Date.parse(adopted.at) / 1000)}:D>` : '';
  if (adopted?.version === community.strategyVersion) return t(locale, 'status.strategy.adopted', { date, title: adopted.title });
  if (adopted)
    return t(locale, 'status.strategy.older', { adopted: adopted.version, date, title: adopted.title, version: community.strategyVersion });
  return community.strategyBy
    ? t(locale, 'status.strategy.written', { by: community.strategyBy })
    : t(locale, 'status.strategy.writtenLeader');
}

/** The status card: name, vision, the seven stages with their checklists, and the reader's next action. */
export function statusBlocks(snapshot: CommunitySnapshot, locale: Locale, today?: string, reader: Reader = { kind: 'leader' }): Block[] {
  const { community } = snapshot;
  const progress = computeProgress(snapshot);
  // Once written, the vision is the first line of the status card.
  const blocks: Block[] = community.story.vision
    ? [{ type: 'text', text: t(locale, 'status.vision', { vision: community.story.vision }) }]
    : [];
  blocks.push({ type: 'header', text: t(locale, 'status.title', { name: community.name }) });
  const lines = progress.stages.map(({ stage, items, done, total, complete, marked }, i) => {
    const icon = complete ? '✅' : marked ? '☑️' : done > 0 ? '🟡' : '⚪';
    const vars = { icon, n: i + 1, stage: t(locale, stage.name), done, total };
    return `${stageLine(locale, vars, complete, marked)}\n${checklist(items, locale)}`;
  });
  blocks.push({ type: 'text', text: lines.join('\n') });
  const strategy = strategyLine(snapshot, locale);
  if (strategy) blocks.push({ type: 'text', text: strategy });
  // Named from the settings' own mark: no other read.
  if (community.coalition)
    blocks.push({ type: 'context', text: t(locale, 'coalition.status.line', { name: shown(community.coalition.name) }) });
  blocks.push({ type: 'text', text: nextText(snapshot, progress, locale, today, reader) });
  return blocks;
}

function nextText(
  snapshot: CommunitySnapshot,
  progress: ReturnType<typeof computeProgress>,
  locale: Locale,
  today: string | undefined,
  reader: Reader,
): string {
  if (reader.kind === 'member') return t(locale, 'status.next', { action: memberAction(snapshot, reader, locale) });
  // While a campaign runs, a leader's next action is its current phase's work.
  const campaign = snapshot.community.campaign;
  const phase = campaign && today ? campaign.phases.find((p) => p.start <= today && today <= p.end) : undefined;
  if (campaign && phase) {
    const work = t(locale, `campaign.hint.${phase.id}`, { name: campaign.name, phase: phaseName(locale, phase.id), end: phase.end });
    // While the foundation is laid, the plan is the community's to adopt: until it is, the hint says so too.
    const adopt = phase.id === 'foundation' && !campaign.adopted ? t(locale, 'hint.campaigns.propose', { name: campaign.name }) : '';
    return t(locale, 'status.next', { action: adopt ? `${work} ${adopt}.` : work });
  }
  if (!progress.next) return t(locale, 'status.allDone');
  return t(locale, 'status.next', { action: nextActionText(progress.next.fact, t(locale, progress.next.key), snapshot, locale) });
}

/** Tasks read for a member's next step: as many as the tasks list shows. */
const TASKS_READ = 100;

/** `status`: one read of the community's partition (and, for a member, their tasks), everything derived from it. */
export const showStatus: Handler<Extract<StatusCommand, { type: 'status' }>> = inCommunity(async (_cmd, ctx, deps, resolved) => {
  const { community } = resolved.snapshot;
  const leader = await seesAsLeader(community, ctx);
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const reader: Reader = leader
    ? { kind: 'leader' }
    : { kind: 'member', userId: ctx.userId, tasks: await deps.tasks.list(ctx.tenant, community.id, TASKS_READ), nowSeconds };
  // The timezone database is loaded only when a campaign's phase depends on today's date.
  const today = leader && community.campaign ? await localToday(community, deps.now()) : undefined;
  const blocks = statusBlocks(resolved.snapshot, resolved.locale, today, reader);
  // What the outbox gave up on is for those who can act on it: the coordinator and the role leads.
  const leads = community.coordinatorId === ctx.userId || community.roles.some((role) => role.leadId === ctx.userId);
  if (leads && community.undelivered)
    blocks.push({
      type: 'context',
      text: tn(resolved.locale, 'status.undelivered', community.undelivered, { count: community.undelivered }),
    });
  return message('ephemeral', blocks);
});
