import { proposeId } from '../decisions/ids.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import type { Debrief } from './model.ts';

/**
 * "Put the next steps to a dot vote", when two or more are still open: the poll names the campaign the
 * debrief is about (its newest debrief is the one voted on), or this debrief itself.
 */
export function dotVoteButton(locale: Locale, tenantId: string, debrief: Debrief): Block[] {
  if (debrief.steps.filter((s) => !s.taskId).length < 2) return [];
  const [kind, id] = debrief.subject.split('.');
  const subject = `debrief/${kind === 'campaign' && id ? id : debrief.id}`;
  return [
    { type: 'actions', buttons: [{ id: proposeId(tenantId, debrief.communityId, subject, 'dot'), label: t(locale, 'debrief.dot') }] },
  ];
}
