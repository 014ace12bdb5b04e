import type { Community } from '../community/model.ts';
import { forLeaders, isLeader, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { offerTask } from '../tasks/handlers.ts';
import { type Debrief, debriefFields, debriefLimits, type NextStep, stepRef } from './model.ts';

const LIST = 20;

/** The community a debrief command acts on: the one its button names (it may be clicked in a DM), else the channel's. */
async function communityOf(cmd: { tenantId?: string | undefined; communityId?: string | undefined }, ctx: CommandContext, deps: CoreDeps) {
  if (cmd.tenantId && cmd.tenantId !== ctx.tenant.id)
    return { reply: ephemeral(t(ctx.userLocale ?? deps.defaultLocale, 'community.none')) };
  return resolveCommunity(cmd.communityId ? { ...ctx, channelId: cmd.communityId } : ctx, deps);
}

/** What a debrief is about, by its subject: an event's title, a campaign's name, or the community's work. */
async function titleOf(subject: string, community: Community, locale: Locale, deps: CoreDeps): Promise<string> {
  const [kind, id = ''] = subject.split('.');
  if (kind === 'event') return (await deps.events.get(community.tenant, community.id, id))?.title ?? t(locale, 'debrief.general');
  if (kind === 'campaign') return (await deps.campaigns.get(community.tenant, community.id, id))?.name ?? t(locale, 'debrief.general');
  return t(locale, 'debrief.general');
}

/** Open next steps across recent debriefs, oldest first, with their stable references. */
async function openSteps(community: Community, deps: CoreDeps) {
  const debriefs = (await deps.debriefs.list(community.tenant, community.id, LIST)).reverse();
  return debriefs.flatMap((debrief) =>
    debrief.steps.flatMap((step, index) => (step.taskId ? [] : [{ debrief, index, step, ref: stepRef(debrief, index) }])),
  );
}

/** Stage 7: debrief what worked, decide next steps and their owners, celebrate. */
export const debriefFeature: Features<'debrief.open' | 'debrief.save' | 'next' | 'next.assign' | 'celebrate' | 'export'> = {
  export: async (_cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'export.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    // Reading every entity and uploading files takes longer than a platform waits: the worker does it.
    await deps.deferred.run([
      { kind: 'export', tenant: ctx.tenant, communityId: community.id, userId: ctx.userId, requestedAt: deps.now().toISOString() },
    ]);
    return ephemeral(t(locale, 'export.started'));
  },

  'debrief.open': async (cmd, ctx, deps) => {
    const resolved = await communityOf(cmd, ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'debrief.forbidden'));
    let subject = cmd.subject ?? 'general';
    if (!cmd.subject && cmd.name) {
      const { campaignId } = await import('../campaigns/model.ts');
      const campaign = await deps.campaigns.get(ctx.tenant, community.id, campaignId(cmd.name));
      if (!campaign) return ephemeral(t(locale, 'campaign.unknown', { name: clip(cmd.name.replace(/[`<>*]/g, ''), 80) }));
      subject = `campaign.${campaign.id}`;
    }
    return {
      kind: 'modal',
      modal: {
        id: 'debrief',
        state: `${ctx.tenant.id}|${community.id}|${subject}`,
        title: t(locale, 'debrief.modal.title'),
        submit: t(locale, 'debrief.modal.submit'),
        fields: debriefFields.map((field) => ({
          id: field,
          label: t(locale, `debrief.${field}.label` as MessageKey),
          hint: t(locale, `debrief.${field}.hint` as MessageKey),
          multiline: field !== 'turnout',
          required: field === 'worked',
          maxLength: debriefLimits.field,
        })),
      },
    };
  },

  'debrief.save': async (cmd, ctx, deps) => {
    const resolved = await communityOf(cmd, ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'debrief.forbidden'));
    const field = (value: string | undefined) => clip((value ?? '').trim(), debriefLimits.field);
    const steps: NextStep[] = (cmd.next ?? '')
      .split('\n')
      .map((line) => line.replace(/^\s*([-*•]|\d+[.)])\s*/, '').trim())
      .filter(Boolean)
      .map((text) => ({ text: clip(text, debriefLimits.step) }));
    if (!field(cmd.worked))
      return { kind: 'fieldErrors', errors: { worked: t(locale, 'debrief.error.worked') }, text: t(locale, 'debrief.error.worked') };
    if (steps.length > debriefLimits.steps) {
      const text = t(locale, 'debrief.error.steps', { max: debriefLimits.steps });
      return { kind: 'fieldErrors', errors: { next: text }, text };
    }
    const now = deps.now();
    const subject = cmd.subject ?? 'general';
    const debrief: Debrief = {
      // Time first, so the newest debriefs sort last and `next` lists steps in the order they were decided.
      id: `${now.getTime().toString(36)}${deps.newId().slice(0, 5)}`,
      communityId: community.id,
      subject,
      title: await titleOf(subject, community, locale, deps),
      worked: field(cmd.worked),
      didnt: field(cmd.didnt),
      turnout: field(cmd.turnout),
      learned: field(cmd.learned),
      steps,
      createdBy: ctx.userId,
      createdAt: now.toISOString(),
    };
    if ((await deps.debriefs.create(ctx.tenant, debrief)) === 'missing') return ephemeral(t(locale, 'community.gone'));
    const lines = steps.map((step, i) => `• ${step.text} · \`${stepRef(debrief, i)}\``);
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'debrief.saved', { title: debrief.title }) },
      ...(lines.length > 0
        ? [{ type: 'text' as const, text: t(locale, 'debrief.steps', { list: lines.join('\n'), example: stepRef(debrief, 0) }) }]
        : []),
      { type: 'context', text: t(locale, 'debrief.celebrate') },
    ]);
  },

  next: async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const steps = await openSteps(resolved.snapshot.community, deps);
    if (steps.length === 0) return ephemeral(t(locale, 'next.empty'));
    const lines = steps.map(({ step, debrief, ref }, i) =>
      t(locale, 'next.line', { n: i + 1, text: step.text, title: debrief.title, ref }),
    );
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'next.title') },
      { type: 'text', text: lines.join('\n') },
      { type: 'context', text: t(locale, 'next.how') },
    ]);
  },

  'next.assign': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'debrief.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const steps = await openSteps(community, deps);
    const ref = cmd.ref.trim();
    const found = /^\d{1,3}$/.test(ref) ? steps[Number(ref) - 1] : steps.find((s) => s.ref === ref);
    if (!found) return ephemeral(t(locale, 'next.unknown', { ref: clip(ref.replace(/[`<>*]/g, ''), 20) }));
    const offered = await offerTask(community, locale, { userId: cmd.userId, what: found.step.text, due: cmd.due }, ctx, deps);
    if (!offered.task) return offered.reply;
    const marked = await deps.debriefs.assignStep(ctx.tenant, community.id, found.debrief.id, found.index, offered.task.id);
    return marked === 'saved' ? offered.reply : ephemeral(t(locale, 'next.taken'));
  },

  celebrate: async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    const note = clip((cmd.note ?? '').replace(/\s+/g, ' ').trim(), 500);
    if (!note) return ephemeral(t(locale, 'celebrate.usage'));
    await deps.debriefs.celebrate(ctx.tenant, community.id);
    // Posted in the channel: in the community's language.
    const blocks: Block[] = [{ type: 'text', text: t(resolved.communityLocale, 'celebrate.post', { user: ctx.userId, note }) }];
    await deps.deferred.run([sendJob(ctx.tenant, { channel: community.homeChannelId }, { text: plainText(blocks), blocks })]);
    return ephemeral(t(locale, 'celebrate.done', { channel: community.homeChannelId }));
  },
};
