import { localToday } from '../campaigns/handlers.ts';
import { type Campaign, campaignLimits, planArc } from '../campaigns/model.ts';
import type { Community } from '../community/model.ts';
import { communityLocaleOf, resolveCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { type Block, ephemeral, plainText } from '../kernel/reply.ts';
import { clip, shown } from '../kernel/text.ts';
import { speaksForCommunity } from './access.ts';
import { phaseList, sharedCampaignId } from './campaign-plan.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { safe } from './create.ts';
import { runId } from './ids.ts';
import type { Coalition, SharedCampaign } from './model.ts';
import { isCommunity } from './notice.ts';

/** The shared campaign as it stands, when this community is (still) a member and the revision is the current one. */
async function currentFor(community: Community, coalitionId: string, revision: number, deps: CoreDeps) {
  if (community.coalition?.id !== coalitionId) return undefined;
  const coalition = await deps.coalitions.get(coalitionId);
  if (!coalition?.campaign || coalition.campaign.revision !== revision) return undefined;
  if (!coalition.members.some((m) => isCommunity(m, community.tenant, community.id))) return undefined;
  return { coalition, campaign: coalition.campaign } as { coalition: Coalition; campaign: SharedCampaign };
}

/**
 * Posts the shared campaign in a member's home channel, in its language, drawn from the coalition when the
 * job runs: a revision saved over meanwhile is posted by its own job, and a community that left hears nothing.
 */
export async function runCampaignPost(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const [coalitionId = '', revisionText = ''] = job.ref.split('|');
  const revision = Number(revisionText);
  const found = await currentFor(community, coalitionId, revision, deps);
  if (!found) return;
  const { coalition, campaign } = found;
  const locale = communityLocaleOf(community, deps);
  const blocks: Block[] = [
    {
      type: 'header',
      text: t(locale, 'coalition.campaign.post', { coalition: shown(clip(coalition.name, 80)), name: shown(campaign.name) }),
    },
    { type: 'text', text: t(locale, 'coalition.campaign.post.goal', { goal: shown(campaign.goal), end: campaign.endDate }) },
    { type: 'text', text: phaseList(locale, campaign) },
    { type: 'context', text: t(locale, 'coalition.campaign.post.how') },
    {
      type: 'actions',
      buttons: [
        {
          id: runId(community.tenant.id, community.id, coalition.id, revision),
          label: t(locale, 'coalition.campaign.run.button'),
          primary: true,
        },
      ],
    },
  ];
  const key = `coalition#${community.id}#campaign#${coalition.id}#${revision}`;
  await deps.messenger.postInChannel(community.tenant, community.homeChannelId, { text: plainText(blocks), blocks, key });
}

/** The community's own campaign made from the shared one: its arc from today, the shared phases as milestones. */
function ownCampaign(community: Community, coalitionId: string, shared: SharedCampaign, today: string, userId: string, at: string) {
  const phases = planArc(today, shared.endDate);
  if (!phases) return undefined;
  const campaign: Campaign = {
    id: sharedCampaignId(coalitionId, shared.revision),
    communityId: community.id,
    name: shared.name,
    goal: shared.goal,
    endDate: shared.endDate,
    phases,
    // Each shared phase is a milestone of the community's arc, due as that phase ends (today at the earliest).
    milestones: shared.phases.map((p) => ({ text: p.name, date: p.end < today ? today : p.end })),
    createdBy: userId,
    createdAt: at,
    updatedAt: at,
  };
  return campaign;
}

/**
 * "Run it here": the community's coordinator (or an admin) starts the shared campaign as the community's own,
 * through the campaigns' store; its tasks and events are then the community's, made with `task` and `event`.
 * Pressed twice, one campaign: its id is the coalition's and the revision's, and `create` answers 'exists'.
 */
export const coalitionRunHandlers: Handlers<CoalitionCommandOf<'coalition.campaign.run'>> = {
  'coalition.campaign.run': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity({ ...ctx, channelId: cmd.communityId }, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const { community } = resolved.snapshot;
    // The button sits in the community's channel: a press from a direct message, or naming another place, is forged.
    if (
      ctx.tenantFromId ||
      cmd.tenantId !== ctx.tenant.id ||
      community.id !== cmd.communityId ||
      community.coalition?.id !== cmd.coalitionId
    )
      return ephemeral(t(locale, 'forged.refused'));
    if (!(await speaksForCommunity(community, ctx)))
      return ephemeral(
        t(locale, 'coalition.campaign.run.forbidden', { community: safe(community.name), coordinator: `<@${community.coordinatorId}>` }),
      );
    const revision = Number(cmd.revision);
    const found = Number.isSafeInteger(revision) ? await currentFor(community, cmd.coalitionId, revision, deps) : undefined;
    if (!found) return ephemeral(t(locale, 'coalition.campaign.run.outdated'));
    const now = deps.now();
    const own = ownCampaign(community, cmd.coalitionId, found.campaign, await localToday(community, now), ctx.userId, now.toISOString());
    if (!own) return ephemeral(t(locale, 'coalition.campaign.run.tooLate', { end: found.campaign.endDate, days: campaignLimits.minDays }));
    const vars = { name: safe(own.name), community: safe(community.name) };
    const saved = await deps.campaigns.create(community.tenant, own);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'exists') return ephemeral(t(locale, 'coalition.campaign.run.exists', vars));
    // As a campaign made with `campaign new`: the organizer is asked for a debrief as each phase ends.
    await deps.deferred.run([
      { kind: 'campaign.plan', tenant: community.tenant, communityId: community.id, ref: own.id, minute: now.toISOString().slice(0, 16) },
    ]);
    return ephemeral(t(locale, 'coalition.campaign.run.done', vars));
  },
};
