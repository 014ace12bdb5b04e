import type { Community } from '../community/model.ts';
import { openDebriefId } from '../debrief/ids.ts';
import { personLocale } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { localMorning, minuteOf } from '../kernel/schedule.ts';
import { attemptDue } from '../kernel/work/due-attempt.ts';
import { phaseName } from './handlers.ts';
import { addDays } from './model.ts';

/** Plans a debrief prompt for the morning after each phase ends (09:00 in the community's zone). */
export async function planCampaign(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const campaign = await deps.campaigns.get(community.tenant, community.id, job.ref);
  if (!campaign) return;
  const zone = community.timezone ?? 'UTC';
  const now = deps.now();
  await Promise.all(
    campaign.phases.map(async (phase) => {
      const at = localMorning(addDays(phase.end, 1), zone, 9);
      const ref = `${campaign.id}#${phase.id}`;
      // Dates may have moved: the item is put again (same ref), or removed when its time has passed.
      if (at <= now) return deps.due.remove(community.tenant, community.id, 'campaign', ref);
      return deps.due.put({ tenant: community.tenant, communityId: community.id, kind: 'campaign', ref, minute: minuteOf(at) });
    }),
  );
}

/** A phase ended: the organizer is asked for a debrief, late or not (still worth it); the item goes once asked. */
export async function runCampaignJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const item = { tenant, communityId: community.id, kind: 'campaign' as const, ref: job.ref, minute: job.minute };
  await attemptDue(community, item, deps, async ({ owner }) => {
    const [id = '', phaseId] = job.ref.split('#');
    const campaign = await deps.campaigns.get(tenant, community.id, id);
    const phase = campaign?.phases.find((p) => p.id === phaseId);
    if (!campaign || !phase) return undefined;
    owner(campaign.createdBy, campaign.name);
    const locale = await personLocale(deps, community, campaign.createdBy);
    const blocks: Block[] = [
      { type: 'text', text: t(locale, 'campaign.phase.ended', { name: campaign.name, phase: phaseName(locale, phase.id) }) },
      {
        type: 'actions',
        buttons: [
          {
            id: openDebriefId({ tenantId: tenant.id, communityId: community.id, subject: `campaign.${campaign.id}` }),
            label: t(locale, 'debrief.button'),
            primary: true,
          },
        ],
      },
    ];
    await deps.messenger.notifyMember(tenant, campaign.createdBy, { text: plainText(blocks), blocks });
    return undefined;
  });
}
