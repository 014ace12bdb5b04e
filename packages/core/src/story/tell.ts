import type { CommunitySnapshot } from '../community/facts.ts';
import { limits } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { isLeader, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale, MessageKey } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { kindName, promptLabel, storyParts, storyStage } from './common.ts';
import { questionsModal } from './handlers.ts';
import type { StoryHead, StoryKind } from './model.ts';
import { COMMUNITY_OWNER, storyPrompts } from './model.ts';

function tellModal(locale: Locale, kind: StoryKind, head: StoryHead | undefined): Reply {
  return {
    kind: 'modal',
    modal: {
      id: `story.${kind}`,
      title: t(locale, `story.modal.${kind}.title` as MessageKey),
      submit: t(locale, 'story.modal.submit'),
      fields: storyPrompts[kind].map((prompt) => ({
        id: prompt,
        label: promptLabel(locale, kind, prompt),
        hint: t(locale, `story.${kind}.${prompt}.hint` as MessageKey),
        ...(head?.parts[prompt] ? { value: head.parts[prompt] } : {}),
        multiline: true,
        required: false,
        maxLength: limits.storyPart,
      })),
    },
  };
}

/** The latest telling of a story: us and now sit on the community, a story of self is read for its member. */
export async function currentStory(
  snapshot: CommunitySnapshot,
  kind: StoryKind,
  owner: string,
  deps: CoreDeps,
): Promise<StoryHead | undefined> {
  const { community } = snapshot;
  return kind === 'self' ? deps.stories.selfStory(community.tenant, community.id, owner) : community.stories[kind];
}

/** Who may tell a story: anyone their own story of self; leaders the community's us and now. */
async function mayTell(kind: StoryKind, snapshot: CommunitySnapshot, ctx: CommandContext): Promise<boolean> {
  return kind === 'self' || (await isLeader(snapshot.community, ctx));
}

/** `story [questions|self|us|now]` opening a modal, and saving a story as its next version. */
export const storyTellFeature: Features<'story.open' | 'story.tell'> = {
  'story.open': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (cmd.kind === 'questions') {
      if (!(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
      return questionsModal(locale, snapshot.community.story);
    }
    if (!(await mayTell(cmd.kind, snapshot, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    return tellModal(locale, cmd.kind, await currentStory(snapshot, cmd.kind, owner, deps));
  },

  'story.tell': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (!(await mayTell(cmd.kind, snapshot, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    const parts: Record<string, string> = {};
    const errors: Record<string, string> = {};
    for (const prompt of storyPrompts[cmd.kind]) {
      const value = cmd.parts[prompt]?.trim();
      if (!value) continue;
      if (value.length > limits.storyPart) {
        errors[prompt] = t(locale, 'story.error.part', {
          field: promptLabel(locale, cmd.kind, prompt),
          length: value.length,
          max: limits.storyPart,
        });
      }
      parts[prompt] = value;
    }
    if (Object.keys(errors).length > 0) return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
    if (Object.keys(parts).length === 0) return ephemeral(t(locale, 'story.error.empty'));

    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    const previous = await currentStory(snapshot, cmd.kind, owner, deps);
    const head: StoryHead = {
      kind: cmd.kind,
      owner,
      version: (previous?.version ?? 0) + 1,
      parts,
      authorId: ctx.userId,
      createdAt: deps.now().toISOString(),
      ...(previous?.share ? { share: previous.share } : {}),
    };
    const saved = await deps.stories.saveStory(ctx.tenant, snapshot.community.id, head);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    if (saved === 'conflict') return ephemeral(t(locale, 'story.conflict'));

    const community = snapshot.community;
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
        .postInThread(ctx.tenant, head.share.channelId, head.share.messageId, {
          text: retold.map((b) => ('text' in b ? b.text : '')).join('\n'),
          blocks: retold,
        })
        .then(() => lines.push(t(locale, 'story.told.retold')))
        .catch(() => lines.push(t(locale, 'story.share.failed')));
    } else if (cmd.kind === 'self') lines.push(t(locale, 'story.told.private'));
    return message('ephemeral', [
      ...lines.map((text) => ({ type: 'text' as const, text })),
      { type: 'actions', buttons: [{ id: actionId.share(cmd.kind), label: t(locale, 'story.share.button') }] },
    ]);
  },
};
