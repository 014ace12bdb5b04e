import type { Handler } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { loadLocale, t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { StandupCommandOf } from './commands.ts';
import { answerModalState } from './ids.ts';
import { runDate, type StandupRun, standupLimits } from './model.ts';

type RunRef = { tenantId: string; communityId: string; runId: string };

/**
 * The run a button or modal names. Prompts may be direct messages, which carry no community, so the
 * button names it; the run carries its language and questions, so answering costs no community read.
 */
async function runContext(
  cmd: RunRef,
  ctx: CommandContext,
  deps: CoreDeps,
): Promise<{ run: StandupRun; locale: Locale } | { reply: Reply }> {
  const run = cmd.tenantId === ctx.tenant.id ? await deps.standups.run(ctx.tenant, cmd.communityId, cmd.runId) : undefined;
  if (!run) return { reply: ephemeral(t(ctx.userLocale ?? deps.defaultLocale, 'standup.gone')) };
  // The modal and the replies are the person's: their platform's language, else the run's (the community's).
  const locale = ctx.userLocale ?? run.locale;
  await loadLocale(locale);
  // From a direct message (Discord sends no guild there; the id names it) only the run's participants may
  // answer or skip: anyone can type an id that names another server's run.
  if (ctx.tenantFromId && !run.participants.includes(ctx.userId)) return { reply: ephemeral(t(locale, 'forged.refused')) };
  return { run, locale };
}

/** Answering a stand-up: a modal with its questions, posted in the prompt's thread, editable in place. */
export const openAnswer: Handler<StandupCommandOf<'standup.answer.open'>> = async (cmd, ctx, deps) => {
  const found = await runContext(cmd, ctx, deps);
  if ('reply' in found) return found.reply;
  const { locale, run } = found;
  const previous = await deps.standups.answer(ctx.tenant, cmd.communityId, cmd.runId, ctx.userId);
  return {
    kind: 'modal',
    modal: {
      id: 'standup.answer',
      state: answerModalState(cmd.tenantId, cmd.communityId, cmd.runId),
      title: t(locale, previous ? 'standup.modal.edit' : 'standup.modal.answer'),
      submit: t(locale, 'standup.modal.send'),
      fields: run.questions.slice(0, standupLimits.questions).map((question, i) => ({
        id: `q${i}`,
        // Discord labels stop at 45 characters; the whole question stays in the hint.
        label: clip(question, 45),
        ...(question.length > 45 ? { hint: clip(question, 100) } : {}),
        ...(previous?.answers[i] ? { value: previous.answers[i] } : {}),
        multiline: true,
        required: false,
        maxLength: standupLimits.answer,
      })),
    },
  };
};

/** Saves one's answers; the worker posts them in the prompt's thread (or edits them there). */
export const saveAnswer: Handler<StandupCommandOf<'standup.answer.save'>> = async (cmd, ctx, deps) => {
  const found = await runContext(cmd, ctx, deps);
  if ('reply' in found) return found.reply;
  const { locale, run } = found;
  const answers = run.questions.map((_, i) => clip((cmd.answers[`q${i}`] ?? '').trim(), standupLimits.answer));
  if (answers.every((a) => !a)) return ephemeral(t(locale, 'standup.answer.blank'));
  const previous = await deps.standups.answer(ctx.tenant, run.communityId, run.id, ctx.userId);
  const draft = {
    runId: run.id,
    name: run.name,
    questions: run.questions,
    communityId: run.communityId,
    userId: ctx.userId,
    answers,
    at: deps.now().toISOString(),
  };
  const where = previous?.channelId && previous.messageId ? { channelId: previous.channelId, messageId: previous.messageId } : undefined;
  await deps.standups.saveAnswer(ctx.tenant, { ...draft, ...where });
  // Posted in the prompt's thread (or edited there) by the worker, from the answer as saved.
  const post = { kind: 'standup.post', tenant: ctx.tenant, communityId: run.communityId, ref: `${run.id}#${ctx.userId}` } as const;
  await deps.deferred.run([{ ...post, minute: draft.at.slice(0, 16) }]);
  // A first answer to a run counts on the ladder of engagement; edits do not.
  if (!previous) await deps.members.count(ctx.tenant, run.communityId, [ctx.userId], 'answers');
  return ephemeral(t(locale, previous ? 'standup.answer.updated' : 'standup.answer.saved', { channel: run.channelId }));
};

/** Skip today: the person's skip is recorded on the run. */
export const skipRun: Handler<StandupCommandOf<'standup.skip'>> = async (cmd, ctx, deps) => {
  const found = await runContext(cmd, ctx, deps);
  if ('reply' in found) return found.reply;
  await deps.standups.skip(ctx.tenant, cmd.communityId, cmd.runId, ctx.userId);
  return ephemeral(t(found.locale, 'standup.skipped', { date: runDate(cmd.runId) }));
};
