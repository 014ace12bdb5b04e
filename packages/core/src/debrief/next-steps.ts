import type { Community } from '../community/model.ts';
import { inCommunity, leadersOnly } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, message, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { offerTask } from '../tasks/handlers.ts';
import type { DebriefCommand } from './commands.ts';
import { dotVoteButton } from './dot-vote.ts';
import { stepRef } from './model.ts';

type Of<T extends DebriefCommand['type']> = Extract<DebriefCommand, { type: T }>;

/** How many recent debriefs `next` looks through for open steps. */
const LIST = 20;

/** Open next steps across recent debriefs, oldest first, with their stable references. */
async function openSteps(community: Community, deps: Pick<CoreDeps, 'debriefs'>) {
  const debriefs = (await deps.debriefs.list(community.tenant, community.id, LIST)).reverse();
  return debriefs.flatMap((debrief) =>
    debrief.steps.flatMap((step, index) => (step.taskId ? [] : [{ debrief, index, step, ref: stepRef(debrief, index) }])),
  );
}

/** Stage 7's next steps: the open ones, one handed out as a task, and celebrating what was done. */
export const nextStepsHandlers = {
  next: inCommunity<Of<'next'>, Pick<CoreDeps, 'store' | 'defaultLocale' | 'debriefs'>>(async (_cmd, _ctx, deps, { locale, snapshot }) => {
    const steps = await openSteps(snapshot.community, deps);
    if (steps.length === 0) return ephemeral(t(locale, 'next.empty'));
    const lines = steps.map(({ step, debrief, ref }, i) =>
      t(locale, 'next.line', { n: i + 1, text: step.text, title: debrief.title, ref }),
    );
    // The newest debrief with open steps is the one its button puts to a dot vote.
    const newest = steps.at(-1)?.debrief;
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'next.title') },
      { type: 'text', text: lines.join('\n') },
      { type: 'context', text: t(locale, 'next.how') },
      ...(newest ? dotVoteButton(locale, snapshot.community.tenant.id, newest) : []),
    ]);
  }),

  'next.assign': leadersOnly<Of<'next.assign'>>('debrief.forbidden', async (cmd, ctx, deps, { locale, community }) => {
    const steps = await openSteps(community, deps);
    const ref = cmd.ref.trim();
    const found = /^\d{1,3}$/.test(ref) ? steps[Number(ref) - 1] : steps.find((s) => s.ref === ref);
    if (!found) return ephemeral(t(locale, 'next.unknown', { ref: clip(ref.replace(/[`<>*]/g, ''), 20) }));
    const offered = await offerTask(community, locale, { userId: cmd.userId, what: found.step.text, due: cmd.due }, ctx, deps);
    if (!offered.task) return offered.reply;
    const marked = await deps.debriefs.assignStep(ctx.tenant, community.id, found.debrief.id, found.index, offered.task.id);
    return marked === 'saved' ? offered.reply : ephemeral(t(locale, 'next.taken'));
  }),

  celebrate: inCommunity<Of<'celebrate'>, Pick<CoreDeps, 'store' | 'defaultLocale' | 'debriefs' | 'deferred'>>(
    async (cmd, ctx, deps, { locale, communityLocale, snapshot: { community } }) => {
      const note = clip((cmd.note ?? '').replace(/\s+/g, ' ').trim(), 500);
      if (!note) return ephemeral(t(locale, 'celebrate.usage'));
      await deps.debriefs.celebrate(ctx.tenant, community.id);
      // Posted in the channel: in the community's language.
      const blocks: Block[] = [{ type: 'text', text: t(communityLocale, 'celebrate.post', { user: ctx.userId, note }) }];
      await deps.deferred.run([sendJob(ctx.tenant, { channel: community.homeChannelId }, { text: plainText(blocks), blocks })]);
      return ephemeral(t(locale, 'celebrate.done', { channel: community.homeChannelId }));
    },
  ),
};
