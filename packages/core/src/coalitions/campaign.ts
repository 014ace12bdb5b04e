import { localToday } from '../campaigns/handlers.ts';
import { campaignLimits } from '../campaigns/model.ts';
import { communityZone } from '../community/model.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { DueJob } from '../kernel/jobs.ts';
import { ephemeral, fieldErrors, type ModalField } from '../kernel/reply.ts';
import { fits } from '../kernel/text.ts';
import { phaseLines, sharedLimits, sharePhases } from './campaign-plan.ts';
import type { CoalitionCommandOf } from './commands.ts';
import { forCoordinator, noneReply, safe } from './create.ts';
import { storyState } from './ids.ts';
import type { CoalitionMember, SharedCampaign } from './model.ts';

/** The modal's fields, prefilled from the shared campaign when there is one (each value only whole). */
function campaignFields(locale: Locale, current: SharedCampaign | undefined): ModalField[] {
  const value = (text: string | undefined, max: number) => (text && fits(text, max) ? { value: text } : {});
  const phases = current?.phases.map((p) => p.name).join('\n');
  return [
    {
      id: 'name',
      label: t(locale, 'coalition.campaign.name.label'),
      ...value(current?.name, sharedLimits.name),
      multiline: false,
      required: true,
      maxLength: sharedLimits.name,
    },
    {
      id: 'goal',
      label: t(locale, 'coalition.campaign.goal.label'),
      hint: t(locale, 'coalition.campaign.goal.hint'),
      ...value(current?.goal, sharedLimits.goal),
      multiline: true,
      required: true,
      maxLength: sharedLimits.goal,
    },
    {
      id: 'end',
      label: t(locale, 'coalition.campaign.end.label'),
      hint: t(locale, 'coalition.campaign.end.hint'),
      placeholder: t(locale, 'coalition.campaign.end.placeholder'),
      ...value(current?.endDate, 60),
      multiline: false,
      required: true,
      maxLength: 60,
      picker: 'date',
    },
    {
      id: 'phases',
      label: t(locale, 'coalition.campaign.phases.label'),
      hint: t(locale, 'coalition.campaign.phases.hint', { max: sharedLimits.phases, length: sharedLimits.phase }),
      ...value(phases, (sharedLimits.phase + 1) * sharedLimits.phases),
      multiline: true,
      required: true,
      maxLength: (sharedLimits.phase + 1) * sharedLimits.phases,
    },
  ];
}

/** The post of the shared campaign for each member, a job of that member (its platform, its language). */
export const postJobs = (coalitionId: string, revision: number, members: readonly CoalitionMember[], now: Date): DueJob[] => {
  const minute = now.toISOString().slice(0, 16);
  return members.map((m) => ({
    kind: 'coalition.campaign',
    tenant: m.tenant,
    communityId: m.communityId,
    ref: `${coalitionId}|${revision}`,
    minute,
  }));
};

/**
 * `coalition campaign`: whoever speaks for a member community sets the coalition's shared campaign (name,
 * measurable goal, end, phases) in a modal opened on the coalition's version; a save by someone else meanwhile
 * is never overwritten. Each member's channel then gets it, with "Run it here".
 */
export const coalitionCampaignHandlers: Handlers<CoalitionCommandOf<'coalition.campaign.open' | 'coalition.campaign.save'>> = {
  'coalition.campaign.open': forCoordinator(async (_cmd, _ctx, deps, scope) => {
    const { community, locale } = scope;
    if (!community.coalition) return noneReply(community, scope);
    const coalition = await deps.coalitions.get(community.coalition.id);
    if (!coalition) return ephemeral(t(locale, 'coalition.gone'));
    return {
      kind: 'modal',
      modal: {
        id: 'coalition.campaign',
        state: storyState(coalition.id, coalition.version),
        title: t(locale, 'coalition.campaign.title'),
        submit: t(locale, 'coalition.campaign.submit'),
        fields: campaignFields(locale, coalition.campaign),
      },
    };
  }),

  'coalition.campaign.save': forCoordinator(async (cmd, ctx, deps, scope) => {
    const { community, locale } = scope;
    // The state names the coalition: one that is not this community's is someone else's.
    if (!community.coalition || cmd.coalitionId !== community.coalition.id) return ephemeral(t(locale, 'forged.refused'));
    const version = Number(cmd.version);
    if (!Number.isSafeInteger(version)) return ephemeral(t(locale, 'forged.refused'));
    const name = (cmd.name ?? '').replace(/\s+/g, ' ').trim();
    const goal = (cmd.goal ?? '').trim();
    const names = phaseLines(cmd.phases ?? '');
    const { readDue, pastText } = await import('../kernel/due-date.ts');
    const now = deps.now();
    const zone = communityZone(community);
    const read = readDue(cmd.end ?? '', zone, now, locale);
    const start = await localToday(community, now);
    const end = 'due' in read ? read.due.date : undefined;
    const errors: Record<string, string> = {};
    if (!name || name.length > sharedLimits.name) errors.name = t(locale, 'coalition.campaign.error.name', { max: sharedLimits.name });
    if (!goal || goal.length > sharedLimits.goal) errors.goal = t(locale, 'coalition.campaign.error.goal', { max: sharedLimits.goal });
    const long = names.findIndex((p) => p.length > sharedLimits.phase);
    if (names.length === 0 || names.length > sharedLimits.phases)
      errors.phases = t(locale, 'coalition.campaign.error.phases', { max: sharedLimits.phases });
    else if (long >= 0)
      errors.phases = t(locale, 'coalition.campaign.error.phaseLong', {
        n: long + 1,
        length: names[long]?.length ?? 0,
        max: sharedLimits.phase,
      });
    const phases = end && !errors.phases ? sharePhases(names, start, end) : undefined;
    if ('problem' in read && read.problem === 'past') errors.end = pastText(locale, read.understood, zone);
    else if (!end) errors.end = t(locale, 'coalition.campaign.error.end');
    else if (!phases && !errors.phases) errors.end = t(locale, 'coalition.campaign.error.short', { days: campaignLimits.minDays });
    if (!end || !phases || Object.keys(errors).length > 0) return fieldErrors(errors);
    const coalitionName = safe(community.coalition.name);
    // The revision is the version this save makes: unique per save, so members' copies name the one they ran.
    const campaign: SharedCampaign = { name, goal, endDate: end, phases, revision: version + 1, by: ctx.userId, at: now.toISOString() };
    if ((await deps.coalitions.saveCampaign(community.coalition.id, campaign, version)) !== 'saved')
      return ephemeral(t(locale, 'coalition.campaign.conflict', { coalition: coalitionName }));
    const coalition = await deps.coalitions.get(community.coalition.id);
    if (coalition) await deps.deferred.run(postJobs(coalition.id, campaign.revision, coalition.members, now));
    return ephemeral(t(locale, 'coalition.campaign.saved', { name: safe(name), coalition: coalitionName }));
  }),
};
