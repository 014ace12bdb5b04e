import type { CommunitySnapshot } from '../community/facts.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { FactId } from './stages.ts';

/**
 * A sharper suggestion than a checklist item's own text, when the data says exactly what is missing
 * ("Outreach has no lead: …"). Facts without a hint use their item's text.
 */
const hints: Partial<Record<FactId, (s: CommunitySnapshot, locale: Locale) => string | undefined>> = {
  'team.roles': ({ community: { roles } }, locale) => {
    const role = roles.find((r) => r.responsibilities.length === 0);
    return role ? t(locale, 'hint.team.duties', { role: role.name }) : undefined;
  },
  'relationships.oneOnOnes': ({ community }, locale) =>
    t(locale, 'hint.relationships.oneOnOnes', { count: community.activity.oneOnOnes, target: community.oneOnOneTarget }),
  'relationships.values': ({ community }, locale) => t(locale, 'hint.relationships.values', { count: community.activity.values }),
  'expansion.ladder': (_s, locale) => t(locale, 'hint.expansion.ladder'),
  'expansion.welcome': (_s, locale) => t(locale, 'hint.expansion.welcome'),
  'team.filled': ({ community: { roles } }, locale) => {
    const role = roles.find((r) => r.leadId === undefined);
    return role ? t(locale, 'hint.team.lead', { role: role.name }) : undefined;
  },
};

/** Whether the community adopted the strategy as it stands now, by a decision. */
export const strategyAdopted = ({ community }: CommunitySnapshot) => community.strategyAdopted?.version === community.strategyVersion;

/**
 * Where the method asks for a decision the community takes together, the hint suggests one: finishing and
 * proposing the strategy (and, right after stage 4, proposing it if nobody did), the campaign's plan before
 * its work, the debrief's next steps to a dot vote.
 */
const shared: Partial<Record<FactId, (s: CommunitySnapshot, locale: Locale) => string | undefined>> = {
  ...Object.fromEntries(
    (['strategy.goal', 'strategy.theory', 'strategy.tactics', 'strategy.timeline'] as const).map((fact) => [
      fact,
      (s: CommunitySnapshot, locale: Locale) =>
        s.community.strategyVersion > 0 && !strategyAdopted(s) ? t(locale, 'hint.strategy.propose') : undefined,
    ]),
  ),
  'expansion.ladder': (s, locale) =>
    s.community.strategyVersion > 0 && !strategyAdopted(s) ? t(locale, 'hint.strategy.adopt') : undefined,
  'campaigns.event': ({ community: { campaign } }, locale) =>
    campaign && !campaign.adopted ? t(locale, 'hint.campaigns.propose', { name: campaign.name }) : undefined,
  'next.actions': (_s, locale) => t(locale, 'hint.next.dot'),
};

/** The text of the next action: a shared decision where the method calls for one, else the fact's hint, else the item's text. */
export function nextActionText(fact: FactId, fallback: string, snapshot: CommunitySnapshot, locale: Locale): string {
  return shared[fact]?.(snapshot, locale) ?? hints[fact]?.(snapshot, locale) ?? fallback;
}
