import type { StoryAnswers, StoryField } from '../community/model.ts';
import { limits, storyFields } from '../community/model.ts';
import { leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import type { StoryCommand, StoryCommandOf } from './commands.ts';
import { storyStage } from './common.ts';
import { communityVersion } from './model.ts';

/** A question's label in the locale (the vision's too). */
export const questionLabel = (locale: Locale, field: StoryField) => t(locale, `story.q.${field}.label`);
const maxLength = (field: StoryField) => (field === 'vision' ? limits.vision : limits.answer);

/** The four questions and the vision in one modal, prefilled with what is written. */
export function questionsModal(locale: Locale, story: StoryAnswers): Reply {
  return {
    kind: 'modal',
    modal: {
      id: 'story',
      title: t(locale, 'story.modal.title'),
      submit: t(locale, 'story.modal.submit'),
      fields: storyFields.map((field) => ({
        id: field,
        label: questionLabel(locale, field),
        hint: t(locale, `story.q.${field}.hint`),
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
      errors[field] = t(locale, 'story.error.tooLong', {
        field: questionLabel(locale, field),
        length: value.length,
        max: maxLength(field),
      });
    }
  }
  if (!errors.vision && /\n/.test(answers.vision ?? '')) errors.vision = t(locale, 'story.error.oneLine');
  return errors;
}

/** The four questions and the vision, edited by leaders; every save is a new version. */
export const questionsHandlers: Pick<Handlers<StoryCommand>, 'story.save'> = {
  'story.save': leadersOnly<StoryCommandOf<'story.save'>, Pick<CoreDeps, 'store' | 'defaultLocale' | 'now'>>(
    'story.forbidden',
    async (cmd, ctx, deps, { locale, community }) => {
      const answers: StoryAnswers = {};
      for (const field of storyFields) {
        const value = cmd.answers[field]?.trim();
        if (value) answers[field] = value;
      }
      const errors = validate(answers, locale);
      if (Object.keys(errors).length > 0) return fieldErrors(errors);
      if (Object.keys(answers).length === 0) return ephemeral(t(locale, 'story.error.empty'));
      const version = community.storyVersion + 1;
      const saved = await deps.store.saveAnswers(
        ctx.tenant,
        community.id,
        answers,
        communityVersion('questions', version, answers, ctx.userId, deps.now()),
      );
      if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
      if (saved === 'conflict') return ephemeral(t(locale, 'story.conflict'));
      return ephemeral(t(locale, 'story.saved', storyStage({ ...community, story: answers, storyVersion: version })));
    },
  ),
};
