import type { Tenant } from '../community/model.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { clip, shown } from '../kernel/text.ts';
import { type Decision, type DecisionKind, type Position, positions, type Sense, senses } from './model.ts';

/** How an instant (epoch seconds) is written: `<t:…:f>` in chat (each reader's own zone), ISO in a file. */
export type When = (epoch: number) => string;

/** In chat, an instant is shown in each reader's own timezone by the platform. */
export const chatWhen: When = (epoch) => `<t:${epoch}:f>`;

const kindKeys: Readonly<Record<DecisionKind, MessageKey>> = {
  proposal: 'decisions.log.kind.proposal',
  sense: 'decisions.log.kind.sense',
  simple: 'decisions.log.kind.simple',
  multi: 'decisions.log.kind.multi',
  time: 'decisions.log.kind.time',
  optin: 'decisions.log.kind.optin',
  score: 'decisions.log.kind.score',
  dot: 'decisions.log.kind.dot',
  ranked: 'decisions.log.kind.ranked',
};
const positionKeys: Readonly<Record<Position, MessageKey>> = {
  agree: 'decisions.log.position.agree',
  abstain: 'decisions.log.position.abstain',
  disagree: 'decisions.log.position.disagree',
  block: 'decisions.log.position.block',
};
const senseKeys: Readonly<Record<Sense, MessageKey>> = {
  good: 'decisions.log.sense.good',
  unsure: 'decisions.log.sense.unsure',
  concerned: 'decisions.log.sense.concerned',
};

/** The kind of a decision in words (`proposal`, `dot vote`…). */
export const kindName = (locale: Locale, kind: DecisionKind): string => t(locale, kindKeys[kind]);

const epochOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** A poll's option as written; a time poll's option (epoch seconds) as an instant. */
export function optionText(decision: Decision, index: number, when: When): string {
  const option = decision.options[index];
  if (option === undefined) return `#${index + 1}`;
  return decision.kind === 'time' && /^\d{1,12}$/.test(option) ? when(Number(option)) : shown(clip(option, 60));
}

/**
 * A closed decision's result in one line, without markup: a proposal passed or not with the count of each
 * position, a sense check's answers, a poll's winner (ties keep all), an opt-in's volunteers; with how many
 * voted. Undefined while it is not closed.
 */
export function outcomeSummary(locale: Locale, decision: Decision, when: When): string | undefined {
  const outcome = decision.outcome;
  if (decision.status !== 'closed' || !outcome) return undefined;
  const total = (i: number) => outcome.totals[i] ?? 0;
  const turnout =
    outcome.eligible > 0
      ? tn(locale, 'decisions.log.turnout', outcome.ballots, { eligible: outcome.eligible })
      : tn(locale, 'decisions.log.voted', outcome.ballots);
  let result: string;
  if (decision.kind === 'proposal') {
    const counts = positions.map((p, i) => t(locale, positionKeys[p], { count: total(i) })).join(' · ');
    result = t(locale, outcome.passed ? 'decisions.log.passed' : 'decisions.log.notPassed', { counts });
  } else if (decision.kind === 'sense') {
    result = senses.map((s, i) => t(locale, senseKeys[s], { count: total(i) })).join(' · ');
  } else if (decision.kind === 'optin') {
    result = tn(locale, 'decisions.log.volunteers', total(0));
  } else if (outcome.ballots === 0 || outcome.winners.length === 0) {
    return t(locale, 'decisions.log.noVotes');
  } else {
    const options = outcome.winners.map((i) => optionText(decision, i, when)).join(', ');
    const first = outcome.winners[0] ?? 0;
    result = t(locale, outcome.winners.length > 1 ? 'decisions.log.tie' : 'decisions.log.winner', { options, total: total(first) });
    if (decision.kind === 'ranked' && (outcome.rounds?.length ?? 0) > 1)
      result += ` ${tn(locale, 'decisions.log.rounds', outcome.rounds?.length ?? 0)}`;
  }
  return `${result} · ${turnout}`;
}

/**
 * Where a decision's card is, as a link anyone in the workspace or guild can open: Slack's
 * `archives/<channel>/p<ts without its dot>` (Slack sends the reader to their workspace), Discord's
 * `channels/<guild>/<channel>/<message>`. Undefined before the card was posted.
 */
export function cardLink(tenant: Tenant, decision: Pick<Decision, 'channelId' | 'messageId'>): string | undefined {
  const { channelId, messageId } = decision;
  if (!messageId) return undefined;
  return tenant.platform === 'slack'
    ? `https://slack.com/archives/${channelId}/p${messageId.replace('.', '')}`
    : `https://discord.com/channels/${tenant.id}/${channelId}/${messageId}`;
}

const title = (d: Pick<Decision, 'title'>) => shown(clip(d.title, 80));

/** What marks an entry at a glance: open, being counted, passed, not passed, a poll's result. */
function mark(d: Decision): string {
  if (d.status === 'open') return '🗳️';
  if (d.status === 'closing') return '⏳';
  if (d.kind === 'proposal') return d.outcome?.passed ? '✅' : '❌';
  return '📊';
}

/**
 * One entry of the decision log: its title, kind, whether it is open (until when) or closed (when, with
 * the outcome), its id (what `propose <id>` reopens); below, the outcome statement, the chain of
 * reopening both ways, and the card's link. `others`: the community's decisions by id, for the chain.
 */
export function logEntry(locale: Locale, tenant: Tenant, d: Decision, others: ReadonlyMap<string, Decision>): string {
  const kind = d.anonymous ? `${kindName(locale, d.kind)} (${t(locale, 'decisions.log.anonymous')})` : kindName(locale, d.kind);
  const state =
    d.status === 'open'
      ? t(locale, 'decisions.log.openUntil', { at: chatWhen(epochOf(d.closesAt)) })
      : d.status === 'closing'
        ? t(locale, 'decisions.log.closing')
        : [t(locale, 'decisions.log.closedOn', { at: `<t:${epochOf(d.closedAt ?? d.closesAt)}:D>` }), outcomeSummary(locale, d, chatWhen)]
            .filter(Boolean)
            .join(' · ');
  const head = t(locale, 'decisions.log.line', { mark: mark(d), title: title(d), kind, state, id: d.id });
  const linked = (id: string) => ({ title: title(others.get(id) ?? { title: id }), id });
  const link = cardLink(tenant, d);
  const details = [
    d.statement ? t(locale, 'decisions.log.statement', { text: shown(clip(d.statement.replace(/\s+/g, ' '), 200)) }) : undefined,
    d.reopens ? t(locale, 'decisions.log.reopens', linked(d.reopens)) : undefined,
    d.reopenedBy ? t(locale, 'decisions.log.reopenedBy', linked(d.reopenedBy)) : undefined,
    link ? t(locale, 'decisions.log.card', { url: link }) : t(locale, 'decisions.log.cardIn', { channel: `<#${d.channelId}>` }),
  ].filter((line): line is string => line !== undefined);
  return [head, `↳ ${details.join(' · ')}`].join('\n');
}
