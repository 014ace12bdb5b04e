import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { DecisionCommand } from './commands.ts';
import { createLimits, pollFields, typedOptions } from './create-form.ts';
import { oneLine, readAnonymous, readBudget, readCloses, readElectorate, readOptions } from './create-read.ts';
import { createDecision, draftOf, notCreated, readingFor } from './create-save.ts';
import { pollState } from './ids.ts';
import { isPollKind, pollKinds } from './parse.ts';

/** The answer to a kind no poll has: the kinds there are, each with what it is for. */
const unknownKind = (locale: Locale, kind: string) =>
  ephemeral(
    t(locale, 'poll.kind.unknown', { kind: clip(oneLine(kind).replace(/[`<>*]/g, ''), 12) }),
    pollKinds.map((k) => `\`${k}\` · ${t(locale, `poll.kind.${k}`)}`).join('\n'),
  );

/** Polls of every kind: the modal for the kind asked for, and its submission. Anyone in the community may ask. */
export const pollHandlers: Pick<Handlers<DecisionCommand>, 'poll.open' | 'poll.save'> = {
  'poll.open': inCommunity(async (cmd, _ctx, deps, { locale, snapshot: { community } }) => {
    const kind = cmd.kind ?? 'simple';
    if (!isPollKind(kind)) return unknownKind(locale, kind);
    // A debrief's next steps come as the options of a dot vote.
    const draft = await draftOf(cmd.subject, community, deps);
    return {
      kind: 'modal',
      modal: {
        id: 'poll',
        state: pollState(kind, draft ? cmd.subject : ''),
        title: t(locale, `poll.modal.title.${kind}`),
        submit: t(locale, 'poll.modal.submit'),
        fields: pollFields(locale, community, kind, draft ?? {}),
      },
    };
  }),

  'poll.save': inCommunity(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const { kind } = cmd;
    if (!isPollKind(kind)) return unknownKind(locale, kind);
    const reading = await readingFor(ctx, deps, community, locale);
    const title = clip(oneLine(cmd.title), createLimits.title);
    // An opt-in's one option is what it asks for; a sense check's answers are its own three.
    const options = typedOptions(kind)
      ? await readOptions(kind, cmd.options, reading)
      : { options: kind === 'optin' ? [clip(title, createLimits.option)] : [] };
    const closes = await readCloses(cmd.closes, reading);
    const electorate = readElectorate(cmd.electorate, community);
    const anonymous = readAnonymous(cmd.anonymous);
    const budget = kind === 'dot' ? readBudget(cmd.budget) : undefined;
    const errors: Record<string, string> = {};
    if (!title) errors.title = t(locale, kind === 'sense' || kind === 'optin' ? `poll.error.title.${kind}` : 'poll.error.title');
    if ('error' in options) errors.options = options.error;
    if (kind === 'dot' && budget === undefined) errors.budget = t(locale, 'poll.error.budget', { max: createLimits.budget });
    if ('error' in closes) errors.closes = closes.error;
    if (!electorate) errors.electorate = t(locale, 'decision.create.error.electorate');
    if (anonymous === undefined) errors.anonymous = t(locale, 'decision.create.error.choice');
    if (Object.keys(errors).length > 0 || 'error' in options || 'error' in closes || !electorate || anonymous === undefined)
      return fieldErrors(errors);
    const draft = await draftOf(cmd.subject, community, deps);
    const made = await createDecision(ctx, deps, community, {
      kind,
      title,
      options: options.options,
      electorate,
      anonymous,
      ...(budget !== undefined ? { budget } : {}),
      closesAt: closes.closesAt,
      ...(draft?.subject ? { subject: draft.subject } : {}),
    });
    if (typeof made === 'string') return notCreated(locale, made);
    const closesAt = Math.floor(Date.parse(made.closesAt) / 1000);
    return ephemeral(t(locale, 'poll.created', { title: clip(made.title, 80), channel: made.channelId, closes: closesAt }));
  }),
};
