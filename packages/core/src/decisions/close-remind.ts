import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { peopleLocales } from '../kernel/context.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { retryOnConflict } from '../kernel/rate.ts';
import type { Block, Button } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { localDateOf } from '../kernel/schedule.ts';
import { clip, shown } from '../kernel/text.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { isAway } from '../members/model.ts';
import { optionLabel } from './close-text.ts';
import { eligiblePeople } from './eligibility.ts';
import { ballotId, pickId, positionId } from './ids.ts';
import type { Decision, Position, Sense } from './model.ts';
import { modalKinds, positions, senses } from './model.ts';

/** Slack's button text holds 75 characters. */
const LABEL = 75;

const positionLabels: Readonly<Record<Position, MessageKey>> = {
  agree: 'decision.close.position.agree',
  abstain: 'decision.close.position.abstain',
  disagree: 'decision.close.position.disagree',
  block: 'decision.close.position.block',
};
const senseLabels: Readonly<Record<Sense, MessageKey>> = {
  good: 'decision.close.sense.good.button',
  unsure: 'decision.close.sense.unsure.button',
  concerned: 'decision.close.sense.concerned.button',
};

/**
 * The reminder: the title, when it closes (`<t:…:F>`, in the reader's own time) and the card's own voting
 * buttons, so a vote is one click from the direct message. Time slots cannot be shown in a button, so
 * they are numbered in the text and the buttons carry the numbers.
 */
export function reminderBlocks(locale: Locale, decision: Decision, community: Community): Block[] {
  const where = [community.tenant.id, community.id, decision.id] as const;
  const closesAt = Math.floor(Date.parse(decision.closesAt) / 1000);
  const buttons: Button[] =
    decision.kind === 'proposal'
      ? positions.map((p, i) => ({ id: positionId(...where, i), label: t(locale, positionLabels[p]), primary: p === 'agree' }))
      : decision.kind === 'sense'
        ? senses.map((s, i) => ({ id: positionId(...where, i), label: t(locale, senseLabels[s]) }))
        : modalKinds.includes(decision.kind)
          ? [{ id: ballotId(...where), label: t(locale, 'decision.close.remind.ballot'), primary: true }]
          : decision.options.map((option, i) => ({
              id: pickId(...where, i),
              label: decision.kind === 'time' ? String(i + 1) : clip(option.replace(/\s+/g, ' '), LABEL),
            }));
  const slots = decision.options.map((_, i) => `${i + 1}. ${optionLabel(decision, i)}`).join('\n');
  return [
    { type: 'text', text: t(locale, 'decision.close.remind', { title: shown(decision.title), when: `<t:${closesAt}:F>` }) },
    ...(decision.kind === 'time' ? [{ type: 'text' as const, text: t(locale, 'decision.close.remind.slots', { slots }) }] : []),
    // Five buttons to a row on Discord: the renderers split longer rows.
    { type: 'actions', buttons },
  ];
}

/**
 * The day-before reminder: a direct message to everyone who may vote, has not, and is not away today (in
 * their own zone), each in their own language and claimed once; then `remindedAt` is kept on the decision
 * (a version-guarded save), so a later attempt sends nothing. Failed messages are given back and the
 * failure thrown, for the due item's retry to send only those.
 */
export async function remindVoters(decision: Decision, community: Community, deps: CoreDeps): Promise<void> {
  if (decision.status !== 'open' || decision.remindedAt) return;
  const { tenant } = community;
  const [eligible, ballots, members] = await Promise.all([
    eligiblePeople(decision, community, deps),
    deps.decisions.ballots(tenant, community.id, decision.id),
    deps.members.members(tenant, community.id),
  ]);
  const voted = new Set(ballots.map((b) => b.userId));
  const byId = new Map(members.map((m) => [m.userId, m]));
  const now = deps.now();
  const waiting = eligible.filter((userId) => {
    const member = byId.get(userId);
    return !voted.has(userId) && !isAway(member, localDateOf(now, member?.timezone ?? communityZone(community)));
  });
  const localeOf = await peopleLocales(deps, community, waiting);
  const failures: unknown[] = [];
  await Promise.all(
    waiting.map((userId) =>
      claimed(deps, `decision#${tenant.platform}#${tenant.id}#${community.id}#${decision.id}#remind#${userId}`, () => {
        const blocks = reminderBlocks(localeOf(userId), decision, community);
        return deps.messenger.notifyMember(tenant, userId, { text: plainText(blocks), blocks });
      }).catch((error: unknown) => failures.push(error)),
    ),
  );
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} decision reminders could not be delivered`);
  await retryOnConflict(async () => {
    const current = await deps.decisions.get(tenant, community.id, decision.id);
    if (!current || current.remindedAt || current.status !== 'open') return 'done';
    return deps.decisions.save(tenant, { ...current, remindedAt: now.toISOString(), version: current.version + 1 });
  });
}
