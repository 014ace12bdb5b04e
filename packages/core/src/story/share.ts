import type { Community } from '../community/model.ts';
import { limits } from '../community/model.ts';
import { inCommunity, isLeader, personLocale } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import { sendJob } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { ephemeral, plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { StoryCommand, StoryCommandOf } from './commands.ts';
import { currentStory, kindName } from './common.ts';
import { reflectState } from './ids.ts';
import type { StoryHead } from './model.ts';
import { COMMUNITY_OWNER, parseStoryRef, storyRef } from './model.ts';

/**
 * The story a Reflect button points at, only if it is still shared at that very message: a story of
 * self that its author never shared can never be reached this way.
 */
async function sharedAt(
  ref: string,
  channelId: string,
  messageId: string,
  community: Community,
  deps: Pick<CoreDeps, 'stories'>,
): Promise<StoryHead | undefined> {
  const parsed = parseStoryRef(ref);
  if (!parsed) return undefined;
  const head = await currentStory(community, parsed.kind, parsed.owner, deps);
  return head?.share?.channelId === channelId && head.share.messageId === messageId ? head : undefined;
}

function reflectionLines(locale: Locale, ctx: CommandContext, stoodOut: string, value: string): Block[] {
  return [
    { type: 'text', text: t(locale, 'story.reflect.posted', { user: ctx.userId }) },
    ...(stoodOut ? [{ type: 'text' as const, text: t(locale, 'story.reflect.stoodOut', { text: stoodOut }) }] : []),
    ...(value ? [{ type: 'text' as const, text: t(locale, 'story.reflect.value', { text: value }) }] : []),
  ];
}

/** Sharing a story in the channel (a story of self only by its author), and reflecting on it in its thread. */
export const shareHandlers: Pick<Handlers<StoryCommand>, 'story.share' | 'story.reflect.open' | 'story.reflect.save'> = {
  'story.share': inCommunity(async (cmd: StoryCommandOf<'story.share'>, ctx, deps, { snapshot, locale }) => {
    if (cmd.kind !== 'self' && !(await isLeader(snapshot.community, ctx))) return ephemeral(t(locale, 'story.forbidden'));
    // Consent: a story of self is only ever the caller's own.
    const owner = cmd.kind === 'self' ? ctx.userId : COMMUNITY_OWNER;
    const head = await currentStory(snapshot.community, cmd.kind, owner, deps);
    if (!head) return ephemeral(t(locale, 'story.share.nothing', { kind: cmd.kind }));
    // Posted by the worker right after this reply, which records where so its Reflect button finds it.
    const ref = `${storyRef(head.kind, head.owner)}|${ctx.channelId}`;
    const minute = deps.now().toISOString().slice(0, 16);
    await deps.deferred.run([{ kind: 'story.share', tenant: ctx.tenant, communityId: snapshot.community.id, ref, minute }]);
    return ephemeral(t(locale, 'story.share.done', { channel: ctx.channelId }));
  }),

  'story.reflect.open': inCommunity(async (cmd: StoryCommandOf<'story.reflect.open'>, _ctx, deps, { snapshot, locale }) => {
    if (!(await sharedAt(cmd.ref, cmd.channelId, cmd.messageId, snapshot.community, deps)))
      return ephemeral(t(locale, 'story.reflect.gone'));
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
        state: reflectState(cmd.ref, cmd.channelId, cmd.messageId),
        title: t(locale, 'story.reflect.title'),
        submit: t(locale, 'story.modal.submit'),
        fields: [field('stoodOut'), field('value')],
      },
    };
  }),

  'story.reflect.save': inCommunity(async (cmd: StoryCommandOf<'story.reflect.save'>, ctx, deps, { snapshot, locale, communityLocale }) => {
    const head = await sharedAt(cmd.ref, cmd.channelId, cmd.messageId, snapshot.community, deps);
    if (!head) return ephemeral(t(locale, 'story.reflect.gone'));
    const stoodOut = clip((cmd.stoodOut ?? '').trim(), limits.reflection);
    const value = clip((cmd.value ?? '').trim(), limits.reflection);
    if (!stoodOut && !value) return ephemeral(t(locale, 'story.reflect.empty'));
    // The thread is the community's: its language; the author hears it in theirs.
    const blocks = reflectionLines(communityLocale, ctx, stoodOut, value);
    const thread = { thread: { channel: cmd.channelId, message: cmd.messageId } };
    const jobs = [sendJob(ctx.tenant, thread, { text: plainText(blocks), blocks })];
    if (head.authorId !== ctx.userId) {
      const theirs = await personLocale(deps, snapshot.community, head.authorId);
      const note: Block[] = [
        { type: 'text', text: t(theirs, 'story.reflect.notify', { user: ctx.userId, kind: kindName(theirs, head.kind) }) },
        ...reflectionLines(theirs, ctx, stoodOut, value).slice(1),
      ];
      // The worker posts the reflection in the thread and tells the author, after this reply.
      jobs.push(sendJob(ctx.tenant, { member: head.authorId }, { text: plainText(note), blocks: note }));
    }
    await deps.deferred.run(jobs);
    return ephemeral(t(locale, 'story.reflect.thanks'));
  }),
};
