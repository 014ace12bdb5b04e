import { limits, newCommunity } from '../community.ts';
import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import { computeProgress } from '../progress.ts';
import type { Reply } from '../reply.ts';
import { ephemeral, message } from '../reply.ts';
import { localeFor } from './context.ts';
import type { Features } from './feature.ts';

function setupModal(locale: Locale): Reply {
  return {
    kind: 'modal',
    modal: {
      id: 'setup',
      title: t(locale, 'setup.modal.title'),
      submit: t(locale, 'setup.modal.submit'),
      fields: [
        {
          id: 'name',
          label: t(locale, 'setup.field.name.label'),
          placeholder: t(locale, 'setup.field.name.placeholder'),
          multiline: false,
          required: true,
          maxLength: limits.name,
        },
        {
          id: 'goal',
          label: t(locale, 'setup.field.goal.label'),
          hint: t(locale, 'setup.field.goal.hint'),
          multiline: true,
          required: false,
          maxLength: limits.goal,
        },
      ],
    },
  };
}

/** A refusal shown next to the field in a modal, or as an ephemeral message after a slash command. */
function refuse(field: string, text: string, fromModal: boolean): Reply {
  return fromModal ? { kind: 'fieldErrors', errors: { [field]: text }, text } : ephemeral(text);
}

/** `setup [name]`: binds a new community to this channel; the caller becomes its coordinator. */
export const setupFeature: Features<'setup'> = {
  setup: async (cmd, ctx, deps) => {
    const locale = localeFor(undefined, ctx, deps);
    const name = (cmd.name ?? '').replace(/\s+/g, ' ').trim();
    const goal = (cmd.goal ?? '').trim();
    if (!name && !cmd.fromModal) return setupModal(locale);
    if (!name) return refuse('name', t(locale, 'setup.error.nameRequired'), cmd.fromModal);
    if (name.length > limits.name) return refuse('name', t(locale, 'setup.error.nameTooLong', { max: limits.name }), cmd.fromModal);
    if (goal.length > limits.goal) return refuse('goal', t(locale, 'setup.error.goalTooLong', { max: limits.goal }), cmd.fromModal);

    const community = newCommunity({
      tenant: ctx.tenant,
      id: ctx.channelId,
      name,
      ...(goal ? { goal } : {}),
      coordinatorId: ctx.userId,
      createdAt: deps.now().toISOString(),
    });
    if ((await deps.store.create(community)) === 'exists') {
      const existing = await deps.store.lookup(ctx.tenant, ctx.channelId);
      const existingName = existing.kind === 'found' ? existing.snapshot.community.name : name;
      return refuse('name', t(locale, 'setup.exists', { name: existingName }), cmd.fromModal);
    }
    const next = computeProgress({ community }).next;
    return message('channel', [
      { type: 'text', text: t(locale, 'setup.done', { name, user: ctx.userId }) },
      ...(next ? [{ type: 'text' as const, text: t(locale, 'setup.next', { action: t(locale, next.key) }) }] : []),
    ]);
  },
};
