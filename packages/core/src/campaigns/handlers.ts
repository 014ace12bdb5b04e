import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { proposeId } from '../decisions/ids.ts';
import { inCommunity, leadersOnly, seesAsLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors, message } from '../kernel/reply.ts';
import { clip, fits } from '../kernel/text.ts';
import type { Task } from '../tasks/model.ts';
import type { CampaignCommand } from './commands.ts';
import { datesId, datesState } from './ids.ts';
import type { Campaign, PhaseId } from './model.ts';
import { campaignId, campaignLimits, phaseIds, phaseOn, planArc, withStarts } from './model.ts';

const clean = (s: string) => clip(s.replace(/[`<>*]/g, ''), 80);
export const phaseName = (locale: Locale, id: PhaseId) => t(locale, `campaign.phase.${id}`);

/** Today in the community's timezone (campaign days are local days). */
export async function localToday(community: Community, now: Date): Promise<string> {
  const { localDateOf } = await import('../kernel/schedule.ts');
  return localDateOf(now, communityZone(community));
}

/** The campaign a command names (by id or name), or the latest; a reply when there is none. */
async function pick(
  name: string | undefined,
  community: Community,
  locale: Locale,
  deps: CoreDeps,
): Promise<{ campaign: Campaign } | { reply: Reply }> {
  const wanted = name?.trim();
  if (!wanted) {
    const current = community.campaign && (await deps.campaigns.get(community.tenant, community.id, community.campaign.id));
    return current ? { campaign: current } : { reply: ephemeral(t(locale, 'campaign.none')) };
  }
  const found = await deps.campaigns.get(community.tenant, community.id, campaignId(wanted));
  return found ? { campaign: found } : { reply: ephemeral(t(locale, 'campaign.unknown', { name: clean(wanted) })) };
}

/** The timeline: phases with dates, the current one marked, tasks per phase with owners and status, overdue flagged. */
export function timelineBlocks(locale: Locale, campaign: Campaign, tasks: readonly Task[], today: string, nowSeconds: number): Block[] {
  const current = phaseOn(campaign, today);
  const phaseOfTask = (task: Task) => phaseOn(campaign, task.due?.date ?? task.createdAt.slice(0, 10));
  const lines = campaign.phases.map((phase) => {
    const mark = phase.id === current ? '▶' : phase.end < today ? '✓' : '○';
    const head = t(locale, 'campaign.phase.line', { mark, phase: phaseName(locale, phase.id), start: phase.start, end: phase.end });
    const mine = tasks.filter((task) => phaseOfTask(task) === phase.id || (phase.id === 'foundation' && phaseOfTask(task) === 'before'));
    const taskLines = mine.map((task) => {
      const overdue = task.due && task.due.dueAt < nowSeconds && task.status === 'accepted';
      const status = t(locale, `campaign.task.${task.status}`);
      return `    ${overdue ? '🔴 ' : ''}${task.title} · <@${task.ownerId}> · ${status}${task.due ? ` · <t:${task.due.dueAt}:D>` : ''}`;
    });
    const milestoneLines = campaign.milestones
      .filter((m) => phaseOn(campaign, m.date) === phase.id)
      .map((m) => `    ◆ ${m.text} · ${m.date}${m.date < today ? ' ✓' : ''}`);
    return [head, ...milestoneLines, ...taskLines].join('\n');
  });
  return [
    { type: 'header', text: t(locale, 'campaign.title', { name: campaign.name }) },
    { type: 'text', text: t(locale, 'campaign.goal', { goal: campaign.goal, end: campaign.endDate }) },
    { type: 'text', text: lines.join('\n') },
    ...(current === 'before' || current === 'after' ? [{ type: 'context' as const, text: t(locale, `campaign.${current}`) }] : []),
  ];
}

const planJob = (community: Community, id: string, now: Date): DueJob => ({
  kind: 'campaign.plan',
  tenant: community.tenant,
  communityId: community.id,
  ref: id,
  minute: now.toISOString().slice(0, 16),
});

/**
 * Under the timeline: whether the community adopted the plan by a decision, leaders' dates button, and
 * "Propose this plan" for anyone in the community (whoever may propose) while the plan has phases.
 */
function planBlocks(locale: Locale, tenantId: string, campaign: Campaign, leader: boolean): Block[] {
  const adopted = campaign.adopted;
  const buttons = [
    ...(leader ? [{ id: datesId(campaign.id), label: t(locale, 'campaign.adjust') }] : []),
    ...(campaign.phases.length > 0
      ? [{ id: proposeId(tenantId, campaign.communityId, `campaign/${campaign.id}`), label: t(locale, 'campaign.propose') }]
      : []),
  ];
  const date = adopted ? `<t:${Math.floor(Date.parse(adopted.at) / 1000)}:D>` : '';
  return [
    ...(adopted ? [{ type: 'context' as const, text: t(locale, 'campaign.adopted', { date, title: adopted.title }) }] : []),
    ...(buttons.length > 0 ? [{ type: 'actions' as const, buttons }] : []),
  ];
}

/** Campaigns planned backwards from their end date, with tasks attached to phases. */
export const campaignHandlers: Handlers<CampaignCommand> = {
  'campaign.new': leadersOnly('campaign.forbidden', async (cmd, _ctx, _deps, { locale, community }) => {
    return {
      kind: 'modal',
      modal: {
        id: 'campaign',
        title: t(locale, 'campaign.modal.title'),
        submit: t(locale, 'campaign.modal.submit'),
        fields: [
          {
            id: 'name',
            label: t(locale, 'campaign.name.label'),
            ...(cmd.name ? { value: cmd.name.slice(0, campaignLimits.name) } : {}),
            multiline: false,
            required: true,
            maxLength: campaignLimits.name,
          },
          {
            id: 'goal',
            label: t(locale, 'campaign.goal.label'),
            hint: t(locale, 'campaign.goal.hint'),
            // The strategy's goal is offered only whole: a cut one would be saved back as if it were the goal.
            ...(community.strategy.goal && fits(community.strategy.goal, campaignLimits.goal) ? { value: community.strategy.goal } : {}),
            multiline: true,
            required: true,
            maxLength: campaignLimits.goal,
          },
          {
            id: 'end',
            label: t(locale, 'campaign.end.label'),
            hint: t(locale, 'campaign.end.hint'),
            placeholder: t(locale, 'campaign.end.placeholder'),
            multiline: false,
            required: true,
            maxLength: 60,
            picker: 'date',
          },
        ],
      },
    };
  }),

  'campaign.save': leadersOnly('campaign.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const name = clip((cmd.name ?? '').replace(/\s+/g, ' ').trim(), campaignLimits.name);
    const goal = clip((cmd.goal ?? '').trim(), campaignLimits.goal);
    const { readDue, pastText } = await import('../kernel/due-date.ts');
    const now = deps.now();
    const read = readDue(cmd.end ?? '', communityZone(community), now, locale);
    const end = 'due' in read ? read.due : undefined;
    const today = await localToday(community, now);
    const phases = end ? planArc(today, end.date) : undefined;
    const errors: Record<string, string> = {};
    if (!name) errors.name = t(locale, 'campaign.error.name');
    if (!goal) errors.goal = t(locale, 'campaign.error.goal');
    if ('problem' in read && read.problem === 'past') errors.end = pastText(locale, read.understood, communityZone(community));
    else if (!end) errors.end = t(locale, 'campaign.error.end');
    else if (!phases) errors.end = t(locale, 'campaign.error.short', { days: campaignLimits.minDays });
    if (!end || !phases || Object.keys(errors).length > 0) return fieldErrors(errors);
    const at = now.toISOString();
    const campaign: Campaign = {
      id: campaignId(name),
      communityId: community.id,
      name,
      goal,
      endDate: end.date,
      phases,
      milestones: [],
      createdBy: ctx.userId,
      createdAt: at,
      updatedAt: at,
    };
    const saved = await deps.campaigns.create(ctx.tenant, campaign);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'exists') return ephemeral(t(locale, 'campaign.exists', { name }));
    // The organizer is asked for a debrief as each phase ends: the worker plans those prompts.
    await deps.deferred.run([planJob(community, campaign.id, now)]);
    return message('ephemeral', [
      ...timelineBlocks(locale, campaign, [], today, Math.floor(now.getTime() / 1000)),
      { type: 'context', text: t(locale, 'campaign.created', { id: campaign.id }) },
      ...planBlocks(locale, ctx.tenant.id, campaign, true),
    ]);
  }),

  'campaign.dates.open': leadersOnly('campaign.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const campaign = await deps.campaigns.get(ctx.tenant, community.id, cmd.id);
    if (!campaign) return ephemeral(t(locale, 'campaign.none'));
    return {
      kind: 'modal',
      modal: {
        id: 'campaign.dates',
        state: datesState(campaign.id, campaign.updatedAt),
        title: t(locale, 'campaign.dates.title'),
        submit: t(locale, 'campaign.modal.submit'),
        fields: campaign.phases.map((phase) => ({
          id: phase.id,
          label: t(locale, 'campaign.dates.label', { phase: phaseName(locale, phase.id) }),
          value: phase.start,
          multiline: false,
          required: true,
          maxLength: 40,
        })),
      },
    };
  }),

  'campaign.dates.save': leadersOnly('campaign.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const campaign = await deps.campaigns.get(ctx.tenant, community.id, cmd.id);
    if (!campaign) return ephemeral(t(locale, 'campaign.none'));
    // Each start is read like every other date ("5 December", "10.12", "next monday", or the ISO day shown),
    // in the community's zone; a phase may have started already.
    const { parseDue } = await import('../kernel/due-date.ts');
    const now = deps.now();
    const read = phaseIds.map((id) => parseDue((cmd.starts[id] ?? '').trim(), communityZone(community), now, locale)?.date);
    const starts = read.filter((d): d is string => d !== undefined);
    const phases = starts.length === read.length ? withStarts(campaign, starts) : undefined;
    if (!phases) {
      return fieldErrors({ [phaseIds[0]]: t(locale, 'campaign.dates.bad', { end: campaign.endDate }) });
    }
    const updated: Campaign = { ...campaign, phases, updatedAt: now.toISOString() };
    const saved = await deps.campaigns.setPhases(ctx.tenant, updated, cmd.previous ?? campaign.updatedAt);
    if (saved === 'conflict') return ephemeral(t(locale, 'campaign.conflict'));
    await deps.deferred.run([planJob(community, campaign.id, now)]);
    return message('ephemeral', timelineBlocks(locale, updated, [], await localToday(community, now), Math.floor(now.getTime() / 1000)));
  }),

  'campaign.milestone': leadersOnly('campaign.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const text = clip((cmd.text ?? '').replace(/\s+/g, ' ').trim(), 200);
    const { parseDue } = await import('../kernel/due-date.ts');
    const day = cmd.due?.trim() ? parseDue(cmd.due, communityZone(community), deps.now(), locale) : undefined;
    if (!text || !day) return ephemeral(t(locale, 'campaign.milestone.usage'));
    const id = cmd.campaign?.trim() ? campaignId(cmd.campaign) : community.campaign?.id;
    const campaign = id ? await deps.campaigns.get(ctx.tenant, community.id, id) : undefined;
    if (!campaign) return ephemeral(t(locale, cmd.campaign ? 'campaign.unknown' : 'campaign.none', { name: clean(cmd.campaign ?? '') }));
    const phase = phaseOn(campaign, day.date);
    if (phase === 'before' || phase === 'after')
      return ephemeral(t(locale, 'campaign.milestone.outside', { start: campaign.phases[0]?.start ?? '', end: campaign.endDate }));
    await deps.campaigns.addMilestone(ctx.tenant, community.id, campaign.id, { text, date: day.date });
    return ephemeral(t(locale, 'campaign.milestone.added', { text, date: day.date, phase: phaseName(locale, phase), name: campaign.name }));
  }),

  'campaign.list': inCommunity(async (_cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const campaigns = await deps.campaigns.list(ctx.tenant, community.id);
    if (campaigns.length === 0) return ephemeral(t(locale, 'campaign.none'));
    const today = await localToday(community, deps.now());
    const lines = campaigns
      .sort((a, b) => b.endDate.localeCompare(a.endDate))
      .map((c) => {
        const phase = phaseOn(c, today);
        const where = phase === 'before' || phase === 'after' ? t(locale, `campaign.${phase}`) : phaseName(locale, phase);
        return t(locale, 'campaign.list.line', { name: c.name, id: c.id, end: c.endDate, phase: where });
      });
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'campaign.list.title') },
      { type: 'text', text: lines.join('\n') },
    ]);
  }),

  'campaign.show': inCommunity(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const picked = await pick(cmd.name, community, locale, deps);
    if ('reply' in picked) return picked.reply;
    const tasks = (await deps.tasks.list(ctx.tenant, community.id, 100)).filter(
      (task) =>
        task.campaignId === picked.campaign.id && (task.status === 'accepted' || task.status === 'proposed' || task.status === 'done'),
    );
    const now = deps.now();
    const blocks = timelineBlocks(locale, picked.campaign, tasks, await localToday(community, now), Math.floor(now.getTime() / 1000));
    const leader = await seesAsLeader(community, ctx);
    return message('ephemeral', [...blocks, ...planBlocks(locale, ctx.tenant.id, picked.campaign, leader)]);
  }),
};
