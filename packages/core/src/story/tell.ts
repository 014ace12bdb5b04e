import type { Community } from '../community/model.ts';
import { limits } from '../community/model.ts';
import { inCommunity, isLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors, message, plainText } from '../kernel/reply.ts';
import type { StoryCommand, StoryCommandOf } from './commands.ts';
import { currentStory, kindName, storyParts, storyStage } from './common.ts';
import { shareStoryId } from './ids.ts';
import type { StoryHead, StoryKind } from './model.ts';
import { COMMUNITY_OWNER } from './model.ts';
import { promptsOf, promptText } from './prompts.ts';
import { questionsModal } from './questions.ts';

type TellDeps = Pick<CoreDeps, 'store' | 'stories' | 'messenger' | 'defaultLocale' | 'now'>;

function tellModal(locale: Locale, kind: StoryKind, head: StoryHead | undefined): Reply {
  return {
    kind: 'modal',
    modal: {
      id: `story.${kind}`,
      title: t(locale, `story.modal.${kind}.title`),
      submit: t(locale, 'story.modal.submit'),
      fields: promptsOf(kind).map((prompt) => ({
        id: prompt,
        label: promptText(locale, kind, prompt),
        hint: promptText(locale, kind, prompt, 'hint'),
        ...(head?.parts[prompt] ? { value: head.parts[prompt] } : {}),
        multiline: true,
        required: false,
        maxLength: limits.storyPart,
      })),
    },
  };
}

/** Who may tell a story: anyone their own story of self; leaders the community's us and now. */
async function mayTell(kind: StoryKind, community: Community, ctx: CommandContext): Promise<boolean> {
  return kind === 'self' || (await isLeader(community, ctx));
}

/** The parts of a telling, trimmed, and the errors of those too long. */
function toldParts(locale: Locale, cmd: StoryCommandOf<'story.tell'>): { parts: Record<string, string>; errors: Record<string, string> } {
  const parts: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const prompt of promptsOf(cmd.kind)) {
    const value = cmd.parts[prompt]?.trim();
    if (!value) continue;
    if (value.length > limits.storyPart) {
      errors[prompt] = t(locale, 'story.error.part', {
        field: promptText(locale, cmd.kind, prompt),
        length: value.length,
        max: limits.storyPart,
      });
    }
    parts[prompt] = value;
  }
  return { parts, errors };
}

/** `story [questions|self|us|now]` opening a modal, and saving a story as its next version. */
export const tellHandlers: Pick<Handlers<StoryCommand>, 'story.open' | 'story.tell'> = {
  'story.open': inCommunity<StoryCommandOf<'story.open'>, TellDeps>(async (cmd, ctx, deps, { snapshot, locale }) => {
    const { community } = snapshot;
    if (cmd.kind === 'questions') {
      if (!(await isLeader(community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
      return questionsModal(locale, community.story);
    }
    if (!(await mayTell(cmd.kind, community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    return tellModal(locale, cmd.kind, await currentStory(community, cmd.kind, owner, deps));
  }),

  'story.tell': inCommunity<StoryCommandOf<'story.tell'>, TellDeps>(async (cmd, ctx, deps, { snapshot, locale }) => {
    const { community } = snapshot;
    if (!(await mayTell(cmd.kind, community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    const { parts, errors } = toldParts(locale, cmd);
    if (Object.keys(errors).length > 0) return fieldErrors(errors);
    if (Object.keys(parts).length === 0) return ephemeral(t(locale, 'story.error.empty'));

    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    const previous = await currentStory(community, cmd.kind, owner, deps);
    const head: StoryHead = {
      kind: cmd.kind,
      owner,
      version: (previous?.version ?? 0) + 1,
      parts,
      authorId: ctx.userId,
      createdAt: deps.now().toISOString(),
      ...(previous?.share ? { share: previous.share } : {}),
    };
    const saved = await deps.stories.saveStory(ctx.tenant, community.id, head);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'story.conflict'));

    const after =
      cmd.kind === 'self'
        ? { ...community, selfAuthors: [...new Set([...community.selfAuthors, owner])] }
        : { ...community, stories: { ...community.stories, [cmd.kind]: head } };
    const lines = [t(locale, 'story.told', { kind: kindName(locale, cmd.kind), version: head.version, ...storyStage(after) })];
    if (head.share) {
      // A shared story's thread keeps its history: the retelling joins the reflections there.
      const retold: Block[] = [
        { type: 'text', text: t(locale, 'story.share.retold', { version: head.version }) },
        { type: 'text', text: storyParts(locale, head) },
      ];
      await deps.messenger
        .postInThread(ctx.tenant, head.share.channelId, head.share.messageId, { text: plainText(retold), blocks: retold })
        .then(() => lines.push(t(locale, 'story.told.retold')))
        .catch(() => lines.push(t(locale, 'story.share.failed')));
    } else if (cmd.kind === 'self') lines.push(t(locale, 'story.told.private'));
    return message('ephemeral', [
      ...lines.map((text) => ({ type: 'text' as const, text })),
      { type: 'actions', buttons: [{ id: shareStoryId(cmd.kind), label: t(locale, 'story.share.button') }] },
    ]);
  }),
};
