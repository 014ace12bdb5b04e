import type { HomeJob } from '../kernel/jobs.ts';
import type { CommandContext } from '../kernel/ports.ts';
import type { MessageReply } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';

/** How much of a click's answer the Home view shows on top (the rest of the view says what changed). */
export const NOTE_MAX = 500;

/** A Home view drawn afresh for this person, optionally with a note on top. */
export const homeJob = (ctx: Pick<CommandContext, 'tenant' | 'userId'>, note?: string): HomeJob => ({
  kind: 'home.publish',
  tenant: ctx.tenant,
  userId: ctx.userId,
  ...(note ? { note: clip(note, NOTE_MAX) } : {}),
});

/**
 * The job the kernel adds after a click on the Home tab: the answer the click would have shown in a
 * channel (done, taken back, refused) becomes the note on top of the person's redrawn Home view.
 */
export const homeAfterClick = (ctx: Pick<CommandContext, 'tenant' | 'userId'>, reply: MessageReply): HomeJob =>
  homeJob(ctx, plainText(reply.blocks) || reply.text);
