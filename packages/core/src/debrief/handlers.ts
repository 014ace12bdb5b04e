import type { Community } from '../community/model.ts';
import { isLeader, type LeaderScope, resolveCommunity } from '../kernel/context.ts';
import type { Handler, Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { DebriefCommand } from './commands.ts';
import { dotVoteButton } from './dot-vote.ts';
import { debriefState } from './ids.ts';
import { type Debrief, debriefFields, debriefLimits, type NextStep, stepRef } from './model.ts';
import { nextStepsHandlers } from './next-steps.ts';

type Of<T extends DebriefCommand['type']> = Extract<DebriefCommand, { type: T }>;
type DebriefDeps = Pick<CoreDeps, 'store' | 'defaultLocale' | 'campaigns' | 'events' | 'debriefs' | 'now' | 'newId'>;

/**
 * A debrief command only leaders may use, in the community its button names (it may be clicked, and its
 * modal submitted, in a DM), else the channel's.
 */
const debriefLeaders =
  <C extends Of<'debrief.open' | 'debrief.save'>>(
    run: (cmd: C, ctx: CommandContext, deps: DebriefDeps, scope: LeaderScope) => Promise<Reply>,
  ): Handler<C, DebriefDeps> =>
  async (cmd, ctx, deps) => {
    if (cmd.tenantId && cmd.tenantId !== ctx.tenant.id) return ephemeral(t(ctx.userLocale ?? deps.defaultLocale, 'community.none'));
    const resolved = await resolveCommunity(cmd.communityId ? { ...ctx, channelId: cmd.communityId } : ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(resolved.locale, 'debrief.forbidden'));
    return run(cmd, ctx, deps, { ...resolved, community });
  };

/** What a debrief is about, by its subject: an event's title, a campaign's name, or the community's work. */
async function titleOf(subject: string, community: Community, locale: Locale, deps: DebriefDeps): Promise<string> {
  const [kind, id = ''] = subject.split('.');
  if (kind === 'event') return (await deps.events.get(community.tenant, community.id, id))?.title ?? t(locale, 'debrief.general');
  if (kind === 'campaign') return (await deps.campaigns.get(community.tenant, community.id, id))?.name ?? t(locale, 'debrief.general');
  return t(locale, 'debrief.general');
}

/** The next steps as typed, one per line, without list marks (`- `, `2. `). */
const stepsOf = (next: string | undefined): NextStep[] =>
  (next ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*([-*•]|\d+[.)])\s*/, '').trim())
    .filter(Boolean)
    .map((text) => ({ text: clip(text, debriefLimits.step) }));

/** Stage 7: debrief what worked, decide next steps and their owners, celebrate. */
export const debriefHandlers: Handlers<DebriefCommand> = {
  'debrief.open': debriefLeaders(async (cmd, ctx, deps, { locale, community }) => {
    let subject = cmd.subject ?? 'general';
    if (!cmd.subject && cmd.name) {
      const { campaignId } = await import('../campaigns/model.ts');
      const campaign = await deps.campaigns.get(ctx.tenant, community.id, campaignId(cmd.name));
      if (!campaign) return ephemeral(t(locale, 'campaign.unknown', { name: clip(cmd.name.replace(/[`<>*]/g, ''), 80) }));
      subject = `campaign.${campaign.id}`;
    }
    return {
      kind: 'modal',
      modal: {
        id: 'debrief',
        state: debriefState({ tenantId: ctx.tenant.id, communityId: community.id, subject }),
        title: t(locale, 'debrief.modal.title'),
        submit: t(locale, 'debrief.modal.submit'),
        fields: debriefFields.map((field) => ({
          id: field,
          label: t(locale, `debrief.${field}.label`),
          hint: t(locale, `debrief.${field}.hint`),
          multiline: field !== 'turnout',
          required: field === 'worked',
          maxLength: debriefLimits.field,
        })),
      },
    };
  }),

  'debrief.save': debriefLeaders(async (cmd, ctx, deps, { locale, community }): Promise<Reply> => {
    const field = (value: string | undefined) => clip((value ?? '').trim(), debriefLimits.field);
    const steps = stepsOf(cmd.next);
    if (!field(cmd.worked))
      return { kind: 'fieldErrors', errors: { worked: t(locale, 'debrief.error.worked') }, text: t(locale, 'debrief.error.worked') };
    if (steps.length > debriefLimits.steps) {
      const text = t(locale, 'debrief.error.steps', { max: debriefLimits.steps });
      return { kind: 'fieldErrors', errors: { next: text }, text };
    }
    const now = deps.now();
    const subject = cmd.subject ?? 'general';
    const debrief: Debrief = {
      // Time first, so the newest debriefs sort last and `next` lists steps in the order they were decided.
      id: `${now.getTime().toString(36)}${deps.newId().slice(0, 5)}`,
      communityId: community.id,
      subject,
      title: await titleOf(subject, community, locale, deps),
      worked: field(cmd.worked),
      didnt: field(cmd.didnt),
      turnout: field(cmd.turnout),
      learned: field(cmd.learned),
      steps,
      createdBy: ctx.userId,
      createdAt: now.toISOString(),
    };
    if ((await deps.debriefs.create(ctx.tenant, debrief)) === 'missing') return ephemeral(t(locale, 'community.gone'));
    const lines = steps.map((step, i) => `• ${step.text} · \`${stepRef(debrief, i)}\``);
    return message('ephemeral', [
      { type: 'text', text: t(locale, 'debrief.saved', { title: debrief.title }) },
      ...(lines.length > 0
        ? [{ type: 'text' as const, text: t(locale, 'debrief.steps', { list: lines.join('\n'), example: stepRef(debrief, 0) }) }]
        : []),
      { type: 'context', text: t(locale, 'debrief.celebrate') },
      ...dotVoteButton(locale, ctx.tenant.id, debrief),
    ]);
  }),

  ...nextStepsHandlers,
};
