import type { Community } from '../community/model.ts';
import { communityLocaleOf } from '../kernel/context.ts';
import type { DueJob } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import { plainText } from '../kernel/reply.ts';
import { currentStory, sharedStoryBlocks } from './common.ts';
import { reflectStoryId } from './ids.ts';
import { parseStoryRef, storyRef } from './model.ts';

/**
 * Shares a story in a channel and records where, so its Reflect button finds it there. `ref`: `<story ref>|<channel>`.
 * Drawn from the story as it is when the job runs, not as it was when `story share` decided it.
 */
export async function runStoryShareJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { tenant } = community;
  const [ref = '', channelId = ''] = job.ref.split('|');
  const parsed = parseStoryRef(ref);
  if (!parsed || !channelId) return;
  const head = await currentStory(community, parsed.kind, parsed.owner, deps);
  // Deleted meanwhile (a story of self its author took back): nothing to share.
  if (!head) return;
  const blocks = sharedStoryBlocks(communityLocaleOf(community, deps), head, reflectStoryId(storyRef(head.kind, head.owner)));
  const key = `story-share#${community.id}#${ref}#${head.version}#${channelId}#${job.minute}`;
  const { messageId } = await deps.messenger.postInChannel(tenant, channelId, { text: plainText(blocks), blocks, key });
  await deps.stories.markShared(tenant, community.id, head, { channelId, messageId, version: head.version });
}
