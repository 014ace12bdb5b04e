import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { outcomeSummary, type When } from './log-lines.ts';
import { type Ballot, type Decision, positions, senses } from './model.ts';

/** A table the export writes as a CSV file. */
export interface ExportTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

/** In a file, an instant is written as ISO (UTC). */
const isoWhen: When = (epoch) => new Date(epoch * 1000).toISOString();

/** A decision's options as written; a time poll's slots as ISO instants. */
const optionWords = (d: Decision, i: number) => {
  const option = d.options[i];
  if (option === undefined) return `#${i + 1}`;
  return d.kind === 'time' && /^\d{1,12}$/.test(option) ? isoWhen(Number(option)) : option;
};

/** A ballot's `values` in words, as each kind means them (see `Ballot`). */
export function ballotWords(d: Decision, b: Ballot): string {
  const [first = -1] = b.values;
  switch (d.kind) {
    case 'proposal':
      return positions[first] ?? String(first);
    case 'sense':
      return senses[first] ?? String(first);
    case 'score':
    case 'dot':
      return b.values.map((v, i) => `${optionWords(d, i)}: ${v}`).join('; ');
    case 'ranked':
      return b.values.map((option, rank) => `${rank + 1}. ${optionWords(d, option)}`).join('; ');
    default:
      return b.values.map((option) => optionWords(d, option)).join('; ');
  }
}

const decisionColumns = [
  'id',
  'kind',
  'title',
  'body',
  'why',
  'options',
  'status',
  'created',
  'closes',
  'closed',
  'rule',
  'electorate',
  'anonymous',
  'outcome',
  'ballots',
  'eligible',
  'totals',
  'statement',
  'reopens',
  'reopenedBy',
  'subject',
  'authorId',
] as const;
const ballotColumns = ['decisionId', 'title', 'userId', 'values', 'reason', 'at'] as const;

const rule = (d: Decision) => (d.rule === 'share' ? `share ${d.share ?? ''}%` : (d.rule ?? ''));
const electorate = (d: Decision) => (d.electorate.kind === 'role' ? `role: ${d.electorate.role}` : d.electorate.kind);
const subject = (d: Decision) => {
  const s = d.subject;
  if (!s) return '';
  return s.kind === 'strategy' ? `strategy v${s.version}` : `${s.kind}: ${s.campaignId}`;
};

/**
 * The community's decisions for its export: the records for the JSON file (with their ballots) and the
 * `decisions` and `ballots` tables. An anonymous decision's ballots are never read: it is exported with its
 * counts only, so nothing in any file says who voted on it. Nothing at all when there are no decisions.
 */
export async function decisionExport(
  community: Community,
  deps: Pick<CoreDeps, 'decisions'>,
  locale: Locale,
): Promise<{ records: readonly unknown[]; tables: readonly ExportTable[] }> {
  const decisions = await deps.decisions.list(community.tenant, community.id);
  if (decisions.length === 0) return { records: [], tables: [] };
  const ballots = await Promise.all(
    decisions.map((d) => (d.anonymous ? Promise.resolve([]) : deps.decisions.ballots(community.tenant, community.id, d.id))),
  );
  const records = decisions.map((d, i) => (d.anonymous ? { ...d } : { ...d, ballots: ballots[i] ?? [] }));
  const decisionRows = decisions.map(
    (d): Record<(typeof decisionColumns)[number], unknown> => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      body: d.body,
      why: d.why,
      options: d.options.map((_, i) => optionWords(d, i)).join('; '),
      status: d.status,
      created: d.createdAt,
      closes: d.closesAt,
      closed: d.closedAt,
      rule: rule(d),
      electorate: electorate(d),
      anonymous: d.anonymous,
      outcome: outcomeSummary(locale, d, isoWhen),
      ballots: d.outcome?.ballots,
      eligible: d.outcome?.eligible,
      totals: d.outcome?.totals,
      statement: d.statement,
      reopens: d.reopens,
      reopenedBy: d.reopenedBy,
      subject: subject(d),
      authorId: d.authorId,
    }),
  );
  const ballotRows = decisions.flatMap((d, i) =>
    (ballots[i] ?? []).map((b) => ({
      decisionId: d.id,
      title: d.title,
      userId: b.userId,
      values: ballotWords(d, b),
      reason: b.reason,
      at: b.at,
    })),
  );
  return {
    records,
    tables: [
      { name: 'decisions', columns: decisionColumns, rows: decisionRows },
      { name: 'ballots', columns: ballotColumns, rows: ballotRows },
    ],
  };
}
