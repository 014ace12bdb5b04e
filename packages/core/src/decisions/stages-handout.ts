import { communityZone } from '../community/model.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { DecisionCommand } from './commands.ts';
import { decisionState } from './ids.ts';
import { type DecisionScope, decisionForActing } from './stages-scope.ts';

/** A task's title, as the tasks feature allows it. */
const TITLE = 300;

/** Who said "I'm in": the ballots that chose the opt-in's one option, in the order they came. */
async function volunteersOf({ community, decision }: DecisionScope, deps: CoreDeps): Promise<string[]> {
  const ballots = await deps.decisions.ballots(community.tenant, community.id, decision.id);
  return ballots
    .filter((b) => b.values.includes(0))
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((b) => b.userId);
}

/** The opt-in a handout acts on and its volunteers, or why there is nothing to hand out. */
async function optinOf(scope: DecisionScope, deps: CoreDeps): Promise<{ volunteers: string[] } | { reply: Reply }> {
  const { decision, locale } = scope;
  if (decision.kind !== 'optin') return { reply: ephemeral(t(locale, 'decision.stages.handout.notOptin')) };
  const volunteers = await volunteersOf(scope, deps);
  if (volunteers.length === 0) return { reply: ephemeral(t(locale, 'decision.stages.handout.none', { title: decision.title })) };
  return { volunteers };
}

/** The people a users field sent (`U1 U2`, or mentions), each once. */
const idsOf = (typed: string | undefined) => [
  ...new Set(
    (typed ?? '')
      .split(/[\s,]+/)
      .map((s) => s.replace(/^<@!?/, '').replace(/(\|[^>]*)?>$/, ''))
      .filter(Boolean),
  ),
];

/** An opt-in's volunteers → one of them offered a task, with consent, through the tasks feature's own offer. */
export const handoutHandlers: Pick<Handlers<DecisionCommand>, 'decision.handout' | 'decision.handout.open'> = {
  'decision.handout.open': async (cmd, ctx, deps) => {
    const scope = await decisionForActing(cmd, ctx, deps);
    if ('reply' in scope) return scope.reply;
    const found = await optinOf(scope, deps);
    if ('reply' in found) return found.reply;
    const { community, decision, locale } = scope;
    const label = (field: 'user' | 'what' | 'due') => ({
      label: t(locale, `decision.stages.handout.${field}.label`),
      hint: t(locale, `decision.stages.handout.${field}.hint`),
    });
    return {
      kind: 'modal',
      modal: {
        id: 'decision.handout',
        state: decisionState(community.tenant.id, community.id, decision.id),
        title: t(locale, 'decision.stages.handout.title'),
        submit: t(locale, 'decision.stages.handout.submit'),
        fields: [
          // The first volunteer preselected: the person picker is the platforms' only way to show people by name.
          { id: 'user', ...label('user'), users: found.volunteers.slice(0, 1), multiline: false, required: true, maxLength: 80 },
          { id: 'what', ...label('what'), value: decision.title.slice(0, TITLE), multiline: false, required: true, maxLength: TITLE },
          { id: 'due', ...label('due'), multiline: false, required: false, maxLength: 100 },
        ],
      },
    };
  },

  'decision.handout': async (cmd, ctx, deps) => {
    const scope = await decisionForActing(cmd, ctx, deps);
    if ('reply' in scope) return scope.reply;
    const found = await optinOf(scope, deps);
    if ('reply' in found) return found.reply;
    const { community, decision, locale } = scope;
    const chosen = idsOf(cmd.userId);
    const what = (cmd.what ?? '').replace(/\s+/g, ' ').trim();
    const errors: Record<string, string> = {};
    const [userId] = chosen;
    if (chosen.length !== 1 || !userId) errors.user = t(locale, 'decision.stages.handout.pickOne');
    else if (!found.volunteers.includes(userId))
      errors.user = t(locale, 'decision.stages.handout.notVolunteer', { title: decision.title, user: userId });
    if (!what) errors.what = t(locale, 'decision.stages.handout.what.missing');
    else if (what.length > TITLE) errors.what = t(locale, 'task.tooLong', { max: TITLE });
    if (cmd.due?.trim()) {
      // Read as the offer will read it, so a date it would refuse is shown on the field, the modal still open.
      const { pastText, readDue } = await import('../kernel/due-date.ts');
      const zone = communityZone(community);
      const read = readDue(cmd.due, zone, deps.now(), locale);
      if ('problem' in read)
        errors.due =
          read.problem === 'past'
            ? pastText(locale, read.understood, zone)
            : t(locale, 'task.badDate', { due: clip(cmd.due.replace(/[`<>*]/g, ''), 60) });
    }
    if (Object.keys(errors).length > 0 || !userId) return fieldErrors(errors);
    const { offerTask } = await import('../tasks/handlers.ts');
    const subject = decision.subject;
    const campaignId = subject?.kind === 'campaign' ? subject.campaignId : undefined;
    const offered = await offerTask(community, locale, { userId, what, due: cmd.due, ...(campaignId ? { campaignId } : {}) }, ctx, deps);
    return offered.reply;
  },
};
