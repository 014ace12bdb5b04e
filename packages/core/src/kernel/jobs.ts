import type { Tenant } from '../community/model.ts';
import type { MemberAct } from '../members/model.ts';
import type { Locale } from './i18n/translate.ts';
import type { AnswerJob } from './later-target.ts';
import type { OutboundMessage } from './reply.ts';

/** Kinds of due work; each has a due item in the minute bucket it is due in. */
export type DueKind = 'standup' | 'summary' | 'nudge' | 'task' | 'offer' | 'event' | 'campaign' | 'oneonone' | 'pair' | 'decision';

/**
 * Due work as the scheduler finds it and the worker runs it. `ref` names the thing within its
 * community (a stand-up and zone, a run, a task reminder, an offer); `minute` is the bucket it was
 * due in, so every delivery can be claimed once per minute however often a tick runs.
 */
export interface DueJob {
  /** A due kind, or follow-up work a command hands over: re-planning a stand-up's zones, a task's reminders. */
  readonly kind:
    | DueKind
    | 'standup.sync'
    | 'task.plan'
    | 'event.plan'
    | 'campaign.plan'
    | 'oneonone.commit'
    | 'pair.round'
    | 'pair.met'
    // One pairing group's introduction or check-in (`<round>.<index>`), each delivered by itself.
    | 'pair.intro'
    | 'pair.checkin'
    // Messages drawn from the state as it is when they are delivered (each feature's delivery jobs).
    | 'event.card'
    // An event's twin in the Discord server's Events tab, made, changed or cancelled to match it.
    | 'event.server'
    | 'story.share'
    | 'standup.post'
    | 'standup.redraw'
    | 'task.unreachable'
    | 'offer.unreachable'
    // A decision's card (posted, then redrawn in place) and what goes in its thread.
    | 'decision.card'
    | 'decision.thread'
    | 'decision.plan'
    // A coalition's news (a community joined or left) in each member's home channel.
    | 'coalition.notice'
    // The coalition's shared campaign, with "Run it here", in each member's home channel.
    | 'coalition.campaign'
    // What a person did under their second account before linking it, made theirs (`ref`: `<alias>><primary>`).
    | 'link.merge'
    // A leader's report: the charts drawn and posted in the home channel (`ref`: when it was asked for).
    | 'report'
    // The living board in the home channel: posted and pinned, redrawn in place, unpinned when stopped.
    | 'board.post'
    | 'board.redraw'
    | 'board.unpin'
    | 'decision';
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly ref: string;
  readonly minute: string;
  /** Set by `standup now`: deliver at once, without moving the schedule. */
  readonly manual?: boolean;
}

/** Where a message handed to the worker goes. */
export type SendTarget =
  | { readonly member: string }
  | { readonly channel: string }
  /** A reply in the thread of a message (Discord: the thread started from it). */
  | { readonly thread: { readonly channel: string; readonly message: string } };

/** A message a command hands over instead of posting it inside the platform's 3 seconds. */
export interface SendJob {
  readonly kind: 'send';
  readonly tenant: Tenant;
  readonly to: SendTarget;
  readonly message: OutboundMessage;
  /**
   * Work to do instead when the platform refuses the message for good (a member who cannot be messaged, a
   * channel that is gone): take back what it offered and tell whoever asked.
   */
  readonly ifUndeliverable?: Job;
}

/** A leader's export of the community's data, delivered as files to their direct messages. */
export interface ExportJob {
  readonly kind: 'export';
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly userId: string;
  /** When it was asked for: one request, however often the worker retries it. */
  readonly requestedAt?: string;
  /** The workspace or server to deliver it in, when not the community's own (a place that unlinks takes its copy). */
  readonly via?: Tenant;
}

/** A coordinator's request to delete the community and everything in it; they hear when it is done. */
export interface EraseJob {
  readonly kind: 'erase';
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly userId: string;
  readonly name: string;
  /** The community's language, for the message that says it is done (the community is gone by then). */
  readonly locale: Locale;
}

/** Acts to count on members (the ladder), when there are more than a request should write. */
export interface CountJob {
  readonly kind: 'count';
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly userIds: readonly string[];
  readonly act: MemberAct;
}

/** A person's Slack App Home drawn afresh from the state (on opening it, and after a click on it). */
export interface HomeJob {
  readonly kind: 'home.publish';
  readonly tenant: Tenant;
  readonly userId: string;
  /** What their last click on the Home tab answered, shown on top of the view. */
  readonly note?: string;
}

/** Work for the worker. */
export type Job = DueJob | SendJob | ExportJob | CountJob | EraseJob | HomeJob | AnswerJob;

/** A message of one plain paragraph (notices to a leader or a member). */
export const plainMessage = (text: string): OutboundMessage => ({ text, blocks: [{ type: 'text', text }] });

/** A message for the worker to deliver (a notification that must not hold up the reply). */
export const sendJob = (tenant: Tenant, to: SendTarget, message: OutboundMessage, ifUndeliverable?: Job): SendJob => ({
  kind: 'send',
  tenant,
  to,
  message,
  ...(ifUndeliverable ? { ifUndeliverable } : {}),
});
