import { addDays, campaignLimits, daysBetween } from '../campaigns/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { clip, shown } from '../kernel/text.ts';
import type { SharedCampaign, SharedPhase } from './model.ts';

/** A shared campaign's limits: the name and goal as a community's own campaign has them, at most 6 phases. */
export const sharedLimits = { name: campaignLimits.name, goal: campaignLimits.goal, phases: 6, phase: 80 } as const;

/**
 * The id of a member's own copy of the shared campaign: the coalition and the revision it ran, so a second
 * press of "Run it here" finds the first copy (`create` answers 'exists') and a copy is known as the shared one.
 */
export const sharedCampaignId = (coalitionId: string, revision: number) => `coalition-${coalitionId}-${revision}`.slice(0, 40);

/** The phases as typed: one per line, blank lines dropped, inner spacing folded. */
export const phaseLines = (typed: string) =>
  typed
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);

/** The days from `start` to `end` (inclusive) shared out evenly among the phases; undefined when too few days. */
export function sharePhases(names: readonly string[], start: string, end: string): SharedPhase[] | undefined {
  const days = daysBetween(start, end) + 1;
  if (names.length === 0 || days < Math.max(campaignLimits.minDays, names.length)) return undefined;
  return names.map((name, i) => ({
    name,
    start: addDays(start, Math.floor((i * days) / names.length)),
    end: addDays(start, Math.floor(((i + 1) * days) / names.length) - 1),
  }));
}

/** The shared phase a day falls in: 'before' or 'after' outside the campaign. */
export function sharedPhaseOn(campaign: Pick<SharedCampaign, 'phases'>, day: string): SharedPhase | 'before' | 'after' {
  const found = campaign.phases.find((p) => p.start <= day && day <= p.end);
  if (found) return found;
  return day < (campaign.phases[0]?.start ?? '') ? 'before' : 'after';
}

/** The phases, numbered, with their days: what the post and the board list. */
export const phaseList = (locale: Locale, campaign: Pick<SharedCampaign, 'phases'>) =>
  campaign.phases
    .map((p, i) =>
      t(locale, 'coalition.campaign.phase.line', { n: i + 1, name: shown(clip(p.name, sharedLimits.phase)), start: p.start, end: p.end }),
    )
    .join('\n');
