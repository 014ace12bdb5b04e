import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import { standupButtonId } from './ids.ts';
import type { StandupAnswer, StandupRun } from './model.ts';

/** Plain text of blocks, for notifications and screen readers. */

/** The prompt: the questions, who is asked, and Answer / Skip today. */
export function promptBlocks(
  locale: Locale,
  community: Community,
  run: Pick<StandupRun, 'id' | 'name' | 'questions'>,
  mention: readonly string[],
): Block[] {
  const ids = [community.tenant.id, community.id, run.id] as const;
  return [
    { type: 'header', text: t(locale, 'standup.prompt.title', { name: run.name }) },
    { type: 'text', text: run.questions.map((q, i) => `${i + 1}. ${q}`).join('\n') },
    ...(mention.length > 0 ? [{ type: 'context' as const, text: mention.map((u) => `<@${u}>`).join(' ') }] : []),
    {
      type: 'actions',
      buttons: [
        { id: standupButtonId('answer', ...ids), label: t(locale, 'standup.answer'), primary: true },
        { id: standupButtonId('skip', ...ids), label: t(locale, 'standup.skip') },
      ],
    },
  ];
}

/** The channel message of a run whose prompts go by direct message: answers gather in its thread. */
export function headerBlocks(locale: Locale, community: Community, run: Pick<StandupRun, 'id' | 'name'>): Block[] {
  return [
    { type: 'header', text: t(locale, 'standup.prompt.title', { name: run.name }) },
    { type: 'context', text: t(locale, 'standup.header.dm') },
    {
      type: 'actions',
      buttons: [{ id: standupButtonId('answer', community.tenant.id, community.id, run.id), label: t(locale, 'standup.answer') }],
    },
  ];
}

/** Someone's answers as posted in the thread, with Edit for their author. */
export function answerBlocks(locale: Locale, tenantId: string, answer: StandupAnswer): Block[] {
  const lines = answer.questions.map((q, i) => (answer.answers[i] ? `**${q}**\n${answer.answers[i]}` : '')).filter(Boolean);
  return [
    { type: 'text', text: t(locale, 'standup.answer.by', { user: answer.userId }) },
    { type: 'text', text: lines.join('\n') || t(locale, 'standup.answer.empty') },
    {
      type: 'actions',
      buttons: [{ id: standupButtonId('answer', tenantId, answer.communityId, answer.runId), label: t(locale, 'standup.edit') }],
    },
  ];
}
