import type { Community } from '../community/model.ts';
import type { Scope } from '../kernel/context.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { DecisionCommand, DecisionCommandOf } from './commands.ts';
import { createLimits, proposeFields } from './create-form.ts';
import { pollHandlers } from './create-poll.ts';
import { oneLine, readAnonymous, readCloses, readElectorate, readRule } from './create-read.ts';
import { createDecision, draftOf, notCreated, readingFor } from './create-save.ts';
import { proposeState } from './ids.ts';
import type { Decision } from './model.ts';

/** The closed decision a proposal reopens, or the answer saying why it cannot be reopened. */
async function reopenable(
  id: string,
  ctx: CommandContext,
  deps: CoreDeps,
  community: Community,
  locale: Locale,
): Promise<{ reply: Reply } | { decision: Decision }> {
  const found = await deps.decisions.get(ctx.tenant, community.id, id);
  const title = found ? clip(found.title, 80) : '';
  if (!found) return { reply: ephemeral(t(locale, 'propose.reopens.missing', { id: clip(id, 40) })) };
  if (found.status !== 'closed') return { reply: ephemeral(t(locale, 'propose.reopens.open', { title })) };
  if (found.reopenedBy) return { reply: ephemeral(t(locale, 'propose.reopens.already', { title })) };
  return { decision: found };
}

async function saveProposal(cmd: DecisionCommandOf<'propose.save'>, ctx: CommandContext, deps: CoreDeps, scope: Scope): Promise<Reply> {
  const { locale } = scope;
  const { community } = scope.snapshot;
  const old = cmd.reopens ? await reopenable(cmd.reopens, ctx, deps, community, locale) : undefined;
  if (old && 'reply' in old) return old.reply;
  const title = clip(oneLine(cmd.title), createLimits.title);
  const body = clip((cmd.body ?? '').trim(), createLimits.body);
  const why = clip((cmd.why ?? '').trim(), createLimits.why);
  const rule = readRule(cmd.rule);
  const electorate = readElectorate(cmd.electorate, community);
  const anonymous = readAnonymous(cmd.anonymous);
  const closes = await readCloses(cmd.closes, await readingFor(ctx, deps, community, locale));
  const errors: Record<string, string> = {};
  if (!title) errors.title = t(locale, 'propose.error.title');
  if (!body) errors.body = t(locale, 'propose.error.body');
  if ('error' in closes) errors.closes = closes.error;
  if (!rule) errors.rule = t(locale, 'decision.create.error.choice');
  if (!electorate) errors.electorate = t(locale, 'decision.create.error.electorate');
  if (anonymous === undefined) errors.anonymous = t(locale, 'decision.create.error.choice');
  if (!title || !body || !rule || !electorate || anonymous === undefined || 'error' in closes) return fieldErrors(errors);
  const draft = await draftOf(cmd.subject, community, deps);
  const made = await createDecision(
    ctx,
    deps,
    community,
    {
      kind: 'proposal',
      title,
      body,
      ...(why ? { why } : {}),
      options: [],
      ...rule,
      electorate,
      anonymous,
      closesAt: closes.closesAt,
      ...(draft?.subject ? { subject: draft.subject } : {}),
      ...(old ? { reopens: old.decision.id } : {}),
    },
    old?.decision,
  );
  if (typeof made === 'string') return notCreated(locale, made);
  const closesAt = Math.floor(Date.parse(made.closesAt) / 1000);
  return ephemeral(
    [
      t(locale, 'propose.created', { title: clip(made.title, 80), channel: made.channelId, closes: closesAt }),
      ...(old ? [t(locale, 'propose.created.reopens', { title: clip(old.decision.title, 80) })] : []),
    ].join(' '),
  );
}

/** Proposing and polling: the modals, and their submissions, which create the decision and its card. */
export const decisionCreateHandlers: Pick<Handlers<DecisionCommand>, 'propose.open' | 'propose.save' | 'poll.open' | 'poll.save'> = {
  // Anyone in the community may put a proposal to it: deciding together is not a leaders' privilege.
  'propose.open': inCommunity(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const old = cmd.reopens ? await reopenable(cmd.reopens, ctx, deps, community, locale) : undefined;
    if (old && 'reply' in old) return old.reply;
    const draft = await draftOf(cmd.subject, community, deps);
    // Reopening starts from what was decided before; a stage's draft from what it puts forward.
    const prefill = old ? { title: old.decision.title, body: old.decision.body ?? '' } : (draft ?? {});
    return {
      kind: 'modal',
      modal: {
        id: 'propose',
        state: proposeState(old?.decision.id, draft ? cmd.subject : ''),
        title: t(locale, old ? 'propose.modal.title.reopen' : 'propose.modal.title'),
        submit: t(locale, 'propose.modal.submit'),
        fields: proposeFields(locale, community, prefill),
      },
    };
  }),
  'propose.save': inCommunity(saveProposal),
  ...pollHandlers,
};
