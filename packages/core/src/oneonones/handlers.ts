import { communityZone } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { ModalField } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { OneOnOneCommand, OneOnOneCommandOf } from './commands.ts';
import { oneOnOneState } from './ids.ts';
import { listOneOnOnes } from './list.ts';
import { type OneOnOne, oneOnOneLimits, parseLines, parseValues, topValues } from './model.ts';

/** The one-on-one modal's fields, each with its label and hint in the catalog. */
type FieldId = 'values' | 'notes' | 'mine' | 'theirs' | 'followUp';

const field = (locale: Locale, id: FieldId, multiline: boolean, maxLength: number): ModalField => ({
  id,
  label: t(locale, `oneonone.${id}.label`),
  hint: t(locale, `oneonone.${id}.hint`),
  multiline,
  required: false,
  maxLength,
});

/** The one-on-one form for a partner (anyone may log one, never with themselves). */
export const openOneOnOne = inCommunity<OneOnOneCommandOf<'oneonone.open'>>(async (cmd, ctx, _deps, { locale }) => {
  if (!cmd.userId || cmd.userId === ctx.userId) return ephemeral(t(locale, 'oneonone.usage'));
  return {
    kind: 'modal',
    modal: {
      id: 'oneonone',
      state: oneOnOneState({ partnerId: cmd.userId, date: cmd.date, share: cmd.share }),
      title: t(locale, 'oneonone.modal.title'),
      submit: t(locale, 'oneonone.modal.submit'),
      fields: [
        field(locale, 'values', false, 300),
        field(locale, 'notes', true, oneOnOneLimits.notes),
        field(locale, 'mine', true, 1000),
        field(locale, 'theirs', true, 1000),
        { ...field(locale, 'followUp', false, 60), picker: 'date' },
      ],
    },
  };
});

const saveOneOnOne = inCommunity<OneOnOneCommandOf<'oneonone.save'>>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
  if (!cmd.partnerId || cmd.partnerId === ctx.userId) return ephemeral(t(locale, 'oneonone.usage'));
  const now = deps.now();
  const zone = communityZone(community);
  const { parseDue, readDue, pastText } = await import('../kernel/due-date.ts');
  const { localDateOf } = await import('../kernel/schedule.ts');
  const date = cmd.date?.trim() ? parseDue(cmd.date, zone, new Date(now.getTime() - 7 * 86_400_000), locale)?.date : localDateOf(now, zone);
  const read = cmd.followUp?.trim() ? readDue(cmd.followUp, zone, now, locale) : undefined;
  const followUp = read && 'due' in read ? read.due : undefined;
  if (!date) return ephemeral(t(locale, 'oneonone.badDate'));
  if (read && 'problem' in read) {
    const text = read.problem === 'past' ? pastText(locale, read.understood, zone) : t(locale, 'oneonone.badFollowUp');
    return { kind: 'fieldErrors', errors: { followUp: text }, text };
  }
  const oneOnOne: OneOnOne = {
    id: `${now.getTime().toString(36)}${deps.newId().slice(0, 4)}`,
    communityId: community.id,
    loggerId: ctx.userId,
    partnerId: cmd.partnerId,
    date,
    values: parseValues(cmd.values ?? ''),
    notes: clip((cmd.notes ?? '').trim(), oneOnOneLimits.notes),
    mine: parseLines(cmd.mine ?? '', oneOnOneLimits.commitments),
    theirs: parseLines(cmd.theirs ?? '', oneOnOneLimits.commitments),
    ...(followUp ? { followUp: followUp.date } : {}),
    shared: cmd.share === true,
    createdAt: now.toISOString(),
  };
  if ((await deps.oneOnOnes.create(ctx.tenant, oneOnOne)) === 'missing') return ephemeral(t(locale, 'community.gone'));
  // Commitments become tasks, both people are counted on the ladder and the follow-up is planned: the worker does it.
  const job: DueJob = {
    kind: 'oneonone.commit',
    tenant: ctx.tenant,
    communityId: community.id,
    ref: `${ctx.userId}#${oneOnOne.id}`,
    minute: now.toISOString().slice(0, 16),
  };
  await deps.deferred.run([job]);
  return ephemeral(
    t(locale, 'oneonone.saved', { partner: cmd.partnerId, mine: oneOnOne.mine.length, theirs: oneOnOne.theirs.length }),
    t(locale, 'oneonone.progress', { count: community.activity.oneOnOnes + 1, target: community.oneOnOneTarget }),
  );
});

const setTarget = inCommunity<OneOnOneCommandOf<'oneonone.target'>>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
  if (community.coordinatorId !== ctx.userId) return ephemeral(t(locale, 'oneonone.target.forbidden'));
  if (cmd.count === undefined || !Number.isInteger(cmd.count) || cmd.count < 1 || cmd.count > 1000)
    return ephemeral(t(locale, 'oneonone.target.usage'));
  await deps.store.setOneOnOneTarget(ctx.tenant, community.id, cmd.count, deps.now().toISOString());
  return ephemeral(tn(locale, 'oneonone.target.set', cmd.count));
});

const sharedValues = inCommunity<OneOnOneCommandOf<'values'>>(async (_cmd, ctx, deps, { locale, snapshot: { community } }) => {
  const conversations = await deps.oneOnOnes.all(ctx.tenant, community.id);
  const fromStory = community.stories.us?.parts.values ? [parseValues(community.stories.us.parts.values)] : [];
  const top = topValues([...conversations.map((o) => o.values), ...fromStory]);
  // Anonymised: values and how often they were named, never by whom.
  const lines = top.map((v) => tn(locale, 'values.line', v.count, { value: v.value }));
  return message('ephemeral', [
    { type: 'header', text: t(locale, 'values.title') },
    { type: 'text', text: lines.length > 0 ? lines.join('\n') : t(locale, 'values.none') },
  ]);
});

/** Stage 2: one-on-ones with commitments, private notes, shared values. */
export const oneOnOneHandlers: Handlers<OneOnOneCommand> = {
  'oneonone.open': openOneOnOne,
  'oneonone.save': saveOneOnOne,
  oneonones: listOneOnOnes,
  'oneonone.target': setTarget,
  values: sharedValues,
};
