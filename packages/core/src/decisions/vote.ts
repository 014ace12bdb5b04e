import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Modal } from '../kernel/reply.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import { fits } from '../kernel/text.ts';
import { byPosition, positionLabels } from './card-words.ts';
import type { DecisionCommand } from './commands.ts';
import { decisionState } from './ids.ts';
import { modalKinds } from './model.ts';
import { ballotModal, readBallot } from './vote-ballot.ts';
import { afterPick, cast, fitsKind, needsReason, REASON_MAX } from './vote-cast.ts';
import { voting } from './vote-where.ts';

/**
 * Voting: a position button opens the reason modal, whose submission (like a poll's option button) is
 * `decision.vote`; score, dot and ranked polls are voted in the ballot modal, whose submission takes the
 * same path. Every one checks the id against who sent it, that the decision still takes votes, and that
 * this person may vote on it, before anything is written (`voting`). A vote reads the community and the
 * decision, nothing else: its transaction tells a repeat from a change and checks the member record.
 */
export const decisionVoteHandlers: Pick<
  Handlers<DecisionCommand>,
  'decision.position' | 'decision.vote' | 'decision.ballot.open' | 'decision.ballot.save'
> = {
  'decision.position': voting('opening', async (cmd, found) => {
    const { decision, locale, current } = found;
    const position = byPosition(decision) ? positionLabels(locale, decision)[cmd.value] : undefined;
    if (position === undefined) return ephemeral(t(locale, 'decision.vote.invalid'));
    const required = needsReason(decision, [cmd.value]);
    const reason = current?.reason;
    const modal: Modal = {
      id: 'decision.reason',
      state: decisionState(cmd.tenantId, decision.communityId, decision.id, cmd.value),
      title: t(locale, 'decision.reason.modal.title'),
      submit: t(locale, 'decision.reason.modal.submit'),
      fields: [
        {
          id: 'reason',
          label: t(locale, required ? 'decision.reason.required.label' : 'decision.reason.optional.label'),
          hint: t(locale, decision.anonymous ? 'decision.reason.anonymous.hint' : 'decision.reason.hint', { position }),
          ...(reason && fits(reason, REASON_MAX) ? { value: reason } : {}),
          multiline: true,
          required,
          maxLength: REASON_MAX,
        },
      ],
    };
    return { kind: 'modal', modal };
  }),

  'decision.vote': voting('casting', async (cmd, found, ctx, deps) => {
    const { decision, locale } = found;
    const values = cmd.toggle ? afterPick(decision, found.picks, cmd.values[0] ?? -1) : cmd.values;
    if (!values || !fitsKind(decision, values) || (!cmd.toggle && modalKinds.includes(decision.kind)))
      return ephemeral(t(locale, 'decision.vote.invalid'));
    // Options are toggled by their buttons; a reason comes only with a position, from its modal.
    const reason = cmd.toggle ? undefined : cmd.reason?.trim() || undefined;
    if (needsReason(decision, values) && !reason) return fieldErrors({ reason: t(locale, 'decision.vote.reason.required') });
    if (reason && reason.length > REASON_MAX)
      return fieldErrors({ reason: t(locale, 'decision.vote.reason.tooLong', { max: REASON_MAX }) });
    return cast(found, ctx, deps, values, reason);
  }),

  'decision.ballot.open': voting('opening', async (cmd, found) => {
    const { decision, locale, current } = found;
    if (!modalKinds.includes(decision.kind)) return ephemeral(t(locale, 'decision.ballot.notModal'));
    return { kind: 'modal', modal: ballotModal(locale, cmd.tenantId, decision, current) };
  }),

  'decision.ballot.save': voting('casting', async (cmd, found, ctx, deps) => {
    const { decision, locale } = found;
    if (!modalKinds.includes(decision.kind)) return ephemeral(t(locale, 'decision.ballot.notModal'));
    const read = readBallot(locale, decision, cmd.fields);
    if ('errors' in read) return fieldErrors(read.errors);
    if (!fitsKind(decision, read.values)) return ephemeral(t(locale, 'decision.vote.invalid'));
    return cast(found, ctx, deps, read.values, undefined);
  }),
};
