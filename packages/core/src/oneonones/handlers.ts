import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { knownMembers } from '../expansion/ladder.ts';
import { resolveCommunity, seesAsLeader } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { type OneOnOne, oneOnOneLimits, parseLines, parseValues, topValues } from './model.ts';

/** A logged conversation as its logger (or the coordinator, when shared) reads it. */
function describe(locale: Locale, o: OneOnOne, withNotes: boolean): string {
  return [
    t(locale, 'oneonone.line', { partner: o.partnerId, logger: o.loggerId, date: o.date }),
    ...(o.values.length > 0 ? [t(locale, 'oneonone.values', { values: o.values.join(', ') })] : []),
    ...(withNotes && o.notes ? [t(locale, 'oneonone.notes', { notes: o.notes })] : []),
  ].join('\n');
}

/** Stage 2: one-on-ones with commitments, private notes, shared values. */
export const oneOnOnesFeature: Features<'oneonone.open' | 'oneonone.save' | 'oneonones' | 'oneonone.target' | 'values'> = {
  'oneonone.open': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    if (!cmd.userId || cmd.userId === ctx.userId) return ephemeral(t(locale, 'oneonone.usage'));
    const field = (id: string, multiline: boolean, maxLength: number) => ({
      id,
      label: t(locale, `oneonone.${id}.label` as never),
      hint: t(locale, `oneonone.${id}.hint` as never),
      multiline,
      required: false,
      maxLength,
    });
    return {
      kind: 'modal',
      modal: {
        id: 'oneonone',
        state: `${cmd.userId}|${cmd.date ?? ''}|${cmd.share ? '1' : ''}`,
        title: t(locale, 'oneonone.modal.title'),
        submit: t(locale, 'oneonone.modal.submit'),
        fields: [
          field('values', false, 300),
          field('notes', true, oneOnOneLimits.notes),
          field('mine', true, 1000),
          field('theirs', true, 1000),
          { ...field('followUp', false, 60), picker: 'date' as const },
        ],
      },
    };
  },

  'oneonone.save': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (!cmd.partnerId || cmd.partnerId === ctx.userId) return ephemeral(t(locale, 'oneonone.usage'));
    const now = deps.now();
    const { parseDue, readDue, pastText } = await import('../kernel/due-date.ts');
    const { localDateOf } = await import('../kernel/schedule.ts');
    const date = cmd.date?.trim()
      ? parseDue(cmd.date, communityZone(community), new Date(now.getTime() - 7 * 86_400_000), locale)?.date
      : localDateOf(now, communityZone(community));
    const read = cmd.followUp?.trim() ? readDue(cmd.followUp, communityZone(community), now, locale) : undefined;
    const followUp = read && 'due' in read ? read.due : undefined;
    if (!date) return ephemeral(t(locale, 'oneonone.badDate'));
    if (read && 'problem' in read) {
      const text =
        read.problem === 'past' ? pastText(locale, read.understood, communityZone(community)) : t(locale, 'oneonone.badFollowUp');
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
    const target = community.oneOnOneTarget;
    return ephemeral(
      t(locale, 'oneonone.saved', { partner: cmd.partnerId, mine: oneOnOne.mine.length, theirs: oneOnOne.theirs.length }),
      t(locale, 'oneonone.progress', { count: community.activity.oneOnOnes + 1, target }),
    );
  },

  oneonones: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const coordinator = community.coordinatorId === ctx.userId;
    const leader = coordinator || (await seesAsLeader(community, ctx));
    // Everyone sees their own notes; the coordinator also sees what was shared with them; counts are for all.
    const all = leader
      ? await deps.oneOnOnes.all(ctx.tenant, community.id)
      : await deps.oneOnOnes.byLogger(ctx.tenant, community.id, ctx.userId);
    const mine = all.filter((o) => o.loggerId === ctx.userId);
    const shared = coordinator ? all.filter((o) => o.shared && o.loggerId !== ctx.userId) : [];
    const blocks = [
      { type: 'header' as const, text: t(locale, 'oneonones.title') },
      {
        type: 'context' as const,
        text: t(locale, 'oneonone.progress', { count: community.activity.oneOnOnes, target: community.oneOnOneTarget }),
      },
      {
        type: 'text' as const,
        text:
          mine.length > 0
            ? linesWithMore(
                locale,
                mine.map((o) => describe(locale, o, true)),
                { max: 20, how: t(locale, 'oneonone.more.how'), separator: '\n\n', last: true },
              )
            : t(locale, 'oneonones.none'),
      },
      ...(shared.length > 0
        ? [
            {
              type: 'text' as const,
              text: t(locale, 'oneonones.shared', {
                list: linesWithMore(
                  locale,
                  shared.map((o) => describe(locale, o, true)),
                  { max: 20, how: t(locale, 'oneonone.more.how'), separator: '\n\n', last: true },
                ),
              }),
            },
          ]
        : []),
    ];
    if (leader) {
      const met = new Set(all.flatMap((o) => [o.loggerId, o.partnerId]));
      const members = await deps.members.members(ctx.tenant, community.id);
      const notMet = knownMembers(community, members).filter((u) => !met.has(u));
      blocks.push({
        type: 'text',
        text:
          notMet.length > 0
            ? t(locale, 'oneonones.notMet', {
                people: linesWithMore(
                  locale,
                  notMet.map((u) => `<@${u}>`),
                  { max: 40, separator: ', ' },
                ),
              })
            : t(locale, 'oneonones.allMet'),
      });
    }
    return message('ephemeral', blocks);
  },

  'oneonone.target': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (community.coordinatorId !== ctx.userId) return ephemeral(t(locale, 'oneonone.target.forbidden'));
    if (cmd.count === undefined || !Number.isInteger(cmd.count) || cmd.count < 1 || cmd.count > 1000)
      return ephemeral(t(locale, 'oneonone.target.usage'));
    await deps.store.setOneOnOneTarget(ctx.tenant, community.id, cmd.count, deps.now().toISOString());
    return ephemeral(tn(locale, 'oneonone.target.set', cmd.count));
  },

  values: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const conversations = await deps.oneOnOnes.all(ctx.tenant, community.id);
    const fromStory = community.stories.us?.parts.values ? [parseValues(community.stories.us.parts.values)] : [];
    const top = topValues([...conversations.map((o) => o.values), ...fromStory]);
    // Anonymised: values and how often they were named, never by whom.
    const lines = top.map((v) => tn(locale, 'values.line', v.count, { value: v.value }));
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'values.title') },
      { type: 'text', text: lines.length > 0 ? lines.join('\n') : t(locale, 'values.none') },
    ]);
  },
};
