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

/** The text of the next action: the fact's hint when it has one for this data, else the item's text. */
export function nextActionText(fact: FactId, fallback: string, snapshot: CommunitySnapshot, locale: Locale): string {
  return hints[fact]?.(snapshot, locale) ?? fallback;
}
