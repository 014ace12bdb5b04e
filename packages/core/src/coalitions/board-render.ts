import { phaseName } from '../campaigns/handlers.ts';
import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { LIST_BUDGET, linesWithMore } from '../kernel/list-more.ts';
import type { Block } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import { computeProgress } from '../status/progress.ts';
import { phaseList, sharedCampaignId, sharedPhaseOn } from './campaign-plan.ts';
import type { Coalition } from './model.ts';

/** One member on the board: its settings as read, and today in its timezone (for its campaign's phase). */
export interface BoardRow {
  readonly community: Community;
  readonly today?: string;
}

/** The story of us as the board shows it (the modal holds it whole). */
export const BOARD_STORY_MAX = 500;
/** Rows go in at most this many blocks of LIST_BUDGET: within Slack's 3000 a section and Discord's 6000 a message. */
const ROW_BLOCKS = 2;
const ROW_SEPARATOR = '\n\n';

type Counted = 'communities' | 'events' | 'tasks' | 'oneOnOnes';
const count = (locale: Locale, what: Counted, n: number) => tn(locale, `coalition.count.${what}`, n);

/** The seven stages of a community, side by side: `Story 🟡 2/5 · Relationships ⚪ 0/2 · …` (the status card's own progress). */
export function stageCells(locale: Locale, community: Community): string {
  return computeProgress({ community })
    .stages.map(({ stage, done, total, complete, marked }) =>
      t(locale, 'coalition.board.stage', {
        stage: t(locale, stage.name),
        icon: complete ? '✅' : marked ? '☑️' : done > 0 ? '🟡' : '⚪',
        done,
        total,
      }),
    )
    .join(' · ');
}

/** What a member shares with the coalition: counts only, never names, stories or notes. */
function countsLine(locale: Locale, community: Community): string {
  const { events, acceptedTasks, oneOnOnes } = community.activity;
  return t(locale, 'coalition.board.counts', {
    events: count(locale, 'events', events),
    tasks: count(locale, 'tasks', acceptedTasks),
    oneOnOnes: count(locale, 'oneOnOnes', oneOnOnes),
  });
}

/** The campaign running today and its phase; nothing when none runs (or today is not known). */
function campaignLine(locale: Locale, { community, today }: BoardRow): string | undefined {
  const campaign = community.campaign;
  const phase = campaign && today ? campaign.phases.find((p) => p.start <= today && today <= p.end) : undefined;
  if (!campaign || !phase) return undefined;
  return t(locale, 'coalition.board.campaign', { campaign: shown(clip(campaign.name, 80)), phase: phaseName(locale, phase.id) });
}

/** Whether a member runs the coalition's shared campaign (its current campaign is the copy) and its shared phase. */
function sharedLine(locale: Locale, { community, today }: BoardRow, coalition: Coalition): string | undefined {
  const shared = coalition.campaign;
  if (!shared) return undefined;
  if (community.campaign?.id !== sharedCampaignId(coalition.id, shared.revision) || !today)
    return t(locale, 'coalition.campaign.board.notYet');
  const phase = sharedPhaseOn(shared, today);
  if (phase === 'after') return t(locale, 'coalition.campaign.board.ended');
  const name = phase === 'before' ? shared.phases[0]?.name : phase.name;
  return t(locale, 'coalition.campaign.board.runs', { phase: shown(clip(name ?? '', 80)) });
}

/** The coalition's shared campaign (name, end, goal, phases), or how to set one. */
function sharedBlock(locale: Locale, coalition: Coalition): Block {
  const shared = coalition.campaign;
  if (!shared) return { type: 'context', text: t(locale, 'coalition.campaign.board.none') };
  return {
    type: 'text',
    text: t(locale, 'coalition.campaign.board', {
      name: shown(clip(shared.name, 80)),
      end: shared.endDate,
      goal: shown(clip(shared.goal, 500)),
      phases: phaseList(locale, shared),
    }),
  };
}

/** One member's row: its name and platform, its seven stages, its counts, its campaign (and the shared one's). */
export function rowText(locale: Locale, row: BoardRow, coalition?: Coalition): string {
  const { community } = row;
  const name = t(locale, 'coalition.board.row', {
    name: shown(clip(community.name, 80)),
    platform: t(locale, `coalition.platform.${community.tenant.platform}`),
  });
  const campaign = campaignLine(locale, row);
  const shared = coalition ? sharedLine(locale, row, coalition) : undefined;
  return [
    name,
    stageCells(locale, community),
    countsLine(locale, community),
    ...(campaign ? [campaign] : []),
    ...(shared ? [shared] : []),
  ].join('\n');
}

/** Every member's counts added up. */
function togetherLine(locale: Locale, rows: readonly BoardRow[]): string {
  const sum = (pick: (c: Community) => number) => rows.reduce((n, { community }) => n + pick(community), 0);
  return t(locale, 'coalition.board.together', {
    communities: count(locale, 'communities', rows.length),
    events: count(
      locale,
      'events',
      sum((c) => c.activity.events),
    ),
    tasks: count(
      locale,
      'tasks',
      sum((c) => c.activity.acceptedTasks),
    ),
    oneOnOnes: count(
      locale,
      'oneOnOnes',
      sum((c) => c.activity.oneOnOnes),
    ),
  });
}

/** Rows kept whole, in blocks of at most LIST_BUDGET characters each. */
function rowBlocks(rows: readonly string[]): Block[] {
  const blocks: string[] = [];
  for (const row of rows) {
    const last = blocks.length - 1;
    if (last >= 0 && (blocks[last] as string).length + ROW_SEPARATOR.length + row.length <= LIST_BUDGET)
      blocks[last] += `${ROW_SEPARATOR}${row}`;
    else blocks.push(row);
  }
  return blocks.map((text) => ({ type: 'text', text }));
}

/** Members' rows on one page of the board (a coalition of 50 is five pages). */
export const PAGE_ROWS = 10;
/** The pages a board of `rows` members has. */
export const pagesOf = (rows: number) => Math.max(1, Math.ceil(rows / PAGE_ROWS));

/**
 * The coalition's board: its name and story of us, what all its members did together, then one page of
 * rows (PAGE_ROWS members, in the order they joined; `page` 1 when absent, the last past the end). What
 * follows is counted with the command that shows it ("…and 12 more. The next ones: coalition status 3").
 */
export function boardBlocks(locale: Locale, coalition: Coalition, rows: readonly BoardRow[], page = 1): Block[] {
  const story = coalition.story?.text.trim();
  const pages = pagesOf(rows.length);
  const at = Math.min(Math.max(1, page), pages);
  const listed = linesWithMore(
    locale,
    rows.slice((at - 1) * PAGE_ROWS).map((row) => rowText(locale, row, coalition)),
    {
      max: PAGE_ROWS,
      separator: ROW_SEPARATOR,
      budget: ROW_BLOCKS * LIST_BUDGET - ROW_SEPARATOR.length,
      how: t(locale, 'coalition.board.more.how', { page: at + 1, pages }),
    },
  );
  const context = [togetherLine(locale, rows), t(locale, 'coalition.board.legend')];
  if (pages > 1) context.push(t(locale, 'coalition.board.page', { page: at, pages }));
  return [
    { type: 'header', text: t(locale, 'coalition.board.title', { name: shown(clip(coalition.name, 80)) }) },
    {
      type: 'text',
      text: story
        ? t(locale, 'coalition.board.story', { story: shown(clip(story, BOARD_STORY_MAX)) })
        : t(locale, 'coalition.board.noStory'),
    },
    sharedBlock(locale, coalition),
    { type: 'context', text: context.join('\n') },
    ...rowBlocks(listed.split(ROW_SEPARATOR)),
  ];
}
