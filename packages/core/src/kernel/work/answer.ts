import { drawMe } from '../../home/me.ts';
import type { AnswerJob, LaterView } from '../later.ts';
import { askedIn, contextOfAnswer } from '../later.ts';
import { isUndeliverable } from '../outbox.ts';
import type { CommandContext, CoreDeps } from '../ports.ts';
import type { MessageReply } from '../reply.ts';

/** What draws each view answered later, from the state as it is when the worker runs. */
const drawers: Readonly<Record<LaterView, (ctx: CommandContext, deps: CoreDeps) => Promise<MessageReply>>> = {
  me: drawMe,
};

/**
 * Draws an answer given later and sends it in its interaction. Sending it again (a retry of the delivery)
 * edits or replaces the same answer, so a repeat is harmless. A target past its life, or one the platform
 * refuses for good (expired token or url), is dropped and logged: trying again would fail the same way.
 */
export async function runAnswer(job: AnswerJob, deps: CoreDeps): Promise<void> {
  const facts = { view: job.view, platform: job.to.platform, user: job.userId };
  if (deps.now().getTime() >= Date.parse(job.expiresAt)) {
    deps.log?.warn('answer dropped: its interaction expired before it was drawn', facts);
    return;
  }
  const answer = deps.messenger.answerInteraction;
  if (!answer) throw new Error(`no way to answer ${job.to.platform} interactions here`);
  const reply = await drawers[job.view](contextOfAnswer(job), deps);
  try {
    await answer.call(deps.messenger, askedIn(job), job.to, { text: reply.text, blocks: reply.blocks });
  } catch (error) {
    if (!isUndeliverable(error)) throw error;
    // The error's message names the status only: the token or url never reaches a log.
    deps.log?.warn('answer dropped: the platform refused it for good', { ...facts, error: (error as Error).message });
  }
}
