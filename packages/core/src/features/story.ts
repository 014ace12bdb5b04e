import type { StoryAnswers, StoryField } from '../community.ts';
import { limits, storyFields } from '../community.ts';
import type { Locale, MessageKey } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import { computeProgress } from '../progress.ts';
import type { Reply } from '../reply.ts';
import { ephemeral } from '../reply.ts';
import { isLeader, resolveCommunity } from './context.ts';
import type { Features } from './feature.ts';

const label = (field: StoryField) => `story.q.${field}.label` as MessageKey;
const hint = (field: StoryField) => `story.q.${field}.hint` as MessageKey;
const maxLength = (field: StoryField) => (field === 'vision' ? limits.vision : limits.answer);

function storyModal(locale: Locale, story: StoryAnswers): Reply {
  return {
    kind: 'modal',
    modal: {
      id: 'story',
      title: t(locale, 'story.modal.title'),
      submit: t(locale, 'story.modal.submit'),
      fields: storyFields.map((field) => ({
        id: field,
        label: t(locale, label(field)),
        hint: t(locale, hint(field)),
        ...(story[field] ? { value: story[field] } : {}),
        multiline: field !== 'vision' && field !== 'when',
        required: false,
        maxLength: maxLength(field),
      })),
    },
  };
}

/** Checks each answer; returns the field errors, empty when all is well. */
function validate(answers: StoryAnswers, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of storyFields) {
    const value = answers[field] ?? '';
    if (value.length > maxLength(field)) {
      errors[field] = t(locale, 'story.error.tooLong', { field: t(locale, label(field)), length: value.length, max: maxLength(field) });
    }
  }
  if (!errors.vision && /\n/.test(answers.vision ?? '')) errors.vision = t(locale, 'story.error.oneLine');
  return errors;
}

/** `story`: the four questions and the vision, edited by leaders in one modal. */
export const storyFeature: Features<'story.open' | 'story.save'> = {
  'story.open': async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    return storyModal(locale, snapshot.community.story);
  },
  'story.save': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    const answers: StoryAnswers = {};
    for (const field of storyFields) {
      const value = cmd.answers[field]?.trim();
      if (value) answers[field] = value;
    }
    const errors = validate(answers, locale);
    if (Object.keys(errors).length > 0) return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
    if (Object.keys(answers).length === 0) return ephemeral(t(locale, 'story.error.empty'));
    const saved = await deps.store.saveStory(ctx.tenant, snapshot.community.id, answers, deps.now().toISOString());
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    const progress = computeProgress({ ...snapshot, community: { ...snapshot.community, story: answers } });
    const story = progress.stages[0];
    return ephemeral(t(locale, 'story.saved', { done: story?.done ?? 0, total: story?.total ?? 0 }));
  },
};
