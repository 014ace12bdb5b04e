import type { CommunitySnapshot } from '../community/facts.ts';
import { limits } from '../community/model.ts';
import { actionId } from '../kernel/actions.ts';
import { isLeader, personLocale, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { kindName, sharedStoryBlocks } from './common.ts';
import type { StoryHead } from './model.ts';
import { COMMUNITY_OWNER, parseStoryRef, storyRef } from './model.ts';
import { currentStory } from './tell.ts';

const plain = (blocks: Block[]) => blocks.flatMap((b) => ('text' in b ? [b.text] : [])).join('\n');

/**
 * The story a Reflect button points at, only if it is still shared at that very message: a story of
 * self that its author never shared can never be reached this way.
 */
async function sharedAt(
  ref: string,
  channelId: string,
  messageId: string,
  snapshot: CommunitySnapshot,
  deps: CoreDeps,
): Promise<StoryHead | undefined> {
  const parsed = parseStoryRef(ref);
  if (!parsed) return undefined;
  const head = await currentStory(snapshot, parsed.kind, parsed.owner, deps);
  return head?.share?.channelId === channelId && head.share.messageId === messageId ? head : undefined;
}

function reflectionLines(locale: Parameters<typeof t>[0], ctx: CommandContext, stoodOut: string, value: string): Block[] {
  return [
    { type: 'text', text: t(locale, 'story.reflect.posted', { user: ctx.userId }) },
    ...(stoodOut ? [{ type: 'text' as const, text: t(locale, 'story.reflect.stoodOut', { text: stoodOut }) }] : []),
    ...(value ? [{ type: 'text' as const, text: t(locale, 'story.reflect.value', { text: value }) }] : []),
  ];
}

/** Sharing a story in the channel (a story of self only by its author), and reflecting on it in its thread. */
export const storyShareFeature: Features<'story.share' | 'story.reflect.open' | 'story.reflect.save'> = {
  'story.share': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (cmd.kind !== 'self' && !(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    // Consent: a story of self is only ever the caller's own.
    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    const head = await currentStory(snapshot, cmd.kind, owner, deps);
    if (!head) return ephemeral(t(locale, 'story.share.nothing', { kind: cmd.kind }));
    // Posted by the worker right after this reply, which records where so its Reflect button finds it.
    const ref = `${storyRef(head.kind, head.owner)}|${ctx.channelId}`;
    const minute = deps.now().toISOString().slice(0, 16);
    await deps.deferred.run([{ kind: 'story.share', tenant: ctx.tenant, communityId: snapshot.community.id, ref, minute }]);
    return ephemeral(t(locale, 'story.share.done', { channel: ctx.channelId }));
  },

  'story.reflect.open': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    if (!(await sharedAt(cmd.ref, cmd.channelId, cmd.messageId, snapshot, deps))) return ephemeral(t(locale, 'story.reflect.gone'));
    const field = (id: 'stoodOut' | 'value') => ({
      id,
      label: t(locale, `story.reflect.${id}.label`),
      hint: t(locale, `story.reflect.${id}.hint`),
      multiline: true,
      required: false,
      maxLength: limits.reflection,
    });
    return {
      kind: 'modal',
      modal: {
        id: 'reflect',
        state: `${cmd.ref}|${cmd.channelId}|${cmd.messageId}`,
        title: t(locale, 'story.reflect.title'),
        submit: t(locale, 'story.modal.submit'),
        fields: [field('stoodOut'), field('value')],
      },
    };
  },

  'story.reflect.save': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { snapshot, locale } = resolved;
    const head = await sharedAt(cmd.ref, cmd.channelId, cmd.messageId, snapshot, deps);
    if (!head) return ephemeral(t(locale, 'story.reflect.gone'));
    const stoodOut = clip((cmd.stoodOut ?? '').trim(), limits.reflection);
    const value = clip((cmd.value ?? '').trim(), limits.reflection);
    if (!stoodOut && !value) return ephemeral(t(locale, 'story.reflect.empty'));
    // The thread is the community's: its language; the author hears it in theirs.
    const blocks = reflectionLines(resolved.communityLocale, ctx, stoodOut, value);
    const thread = { thread: { channel: cmd.channelId, message: cmd.messageId } };
    const jobs = [sendJob(ctx.tenant, thread, { text: plain(blocks), blocks })];
    if (head.authorId !== ctx.userId) {
      const theirs = await personLocale(deps, snapshot.community, head.authorId);
      const note: Block[] = [
        { type: 'text', text: t(theirs, 'story.reflect.notify', { user: ctx.userId, kind: kindName(theirs, head.kind) }) },
        ...reflectionLines(theirs, ctx, stoodOut, value).slice(1),
      ];
      // The worker posts the reflection in the thread and tells the author, after this reply.
      jobs.push(sendJob(ctx.tenant, { member: head.authorId }, { text: plain(note), blocks: note }));
    }
    await deps.deferred.run(jobs);
    return ephemeral(t(locale, 'story.reflect.thanks'));
  },
};
