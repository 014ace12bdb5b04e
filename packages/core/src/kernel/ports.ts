import type { BoardStore } from '../board/port.ts';
import type { CalendarDeps } from '../calendar/port.ts';
import type { CampaignStore } from '../campaigns/port.ts';
import type { CoalitionStore, CodeStore } from '../coalitions/port.ts';
import type { Tenant } from '../community/model.ts';
import type { CommunityLookup, CommunityStore, SaveResult } from '../community/port.ts';
import type { DebriefStore } from '../debrief/port.ts';
import type { DecisionStore } from '../decisions/port.ts';
import type { EventStore } from '../events/port.ts';
import type { ScheduledEvents } from '../events/scheduled-port.ts';
import type { LinkStore } from '../links/port.ts';
import type { MemberStore, PlatformProfile, Profile, ProfileStore } from '../members/port.ts';
import type { OneOnOneStore } from '../oneonones/port.ts';
import type { PairingStore } from '../pairing/port.ts';
import type { ChartRenderer } from '../report/port.ts';
import type { OfferStore, RoleStore } from '../roles/port.ts';
import type { StandupStore } from '../standup/port.ts';
import type { StoryStore } from '../story/port.ts';
import type { TaskStore } from '../tasks/port.ts';
import type { Locale } from './i18n/translate.ts';
import type { DueKind, Job } from './jobs.ts';
import type { InteractionTarget } from './later-target.ts';
import type { PeopleDirectory } from './people.ts';
import type { Block, OutboundFile, OutboundMessage } from './reply.ts';

export type { Board, BoardStore } from '../board/port.ts';
export type { CalendarDeps, CalendarStore, FeedSigner, FeedSource } from '../calendar/port.ts';
export type { CampaignStore } from '../campaigns/port.ts';
export type { CoalitionStore, CodeStore } from '../coalitions/port.ts';
/** Every feature's store port, re-exported for the adapters that implement them. */
export type { CommunityLookup, CommunityStore, SaveResult } from '../community/port.ts';
export type { DebriefStore } from '../debrief/port.ts';
export type { DecisionStore, VoteHow, VoteResult } from '../decisions/port.ts';
export type { EventStore } from '../events/port.ts';
export type { ScheduledEventFields, ScheduledEvents, ScheduledRefusal } from '../events/scheduled-port.ts';
export type { LinkStore } from '../links/port.ts';
export type { MemberStore, PlatformProfile, Profile, ProfileStore } from '../members/port.ts';
export type { OneOnOneStore } from '../oneonones/port.ts';
export type { PairingStore } from '../pairing/port.ts';
export type { OfferStore, RoleStore } from '../roles/port.ts';
export type { StandupStore } from '../standup/port.ts';
export type { StoryStore } from '../story/port.ts';
export type { TaskStore } from '../tasks/port.ts';
export type { OutboundFile, OutboundMessage } from './reply.ts';

/** A due item: work that falls due at a minute. */
export interface DueItem {
  readonly tenant: Tenant;
  readonly communityId: string;
  readonly kind: DueKind;
  readonly ref: string;
  /** The UTC minute it falls due (the occurrence it stands for, however late it is delivered). */
  readonly minute: string;
  /** Delivery attempts made so far without success (each one moves the next look later). */
  readonly attempts?: number;
}

/** Due work, indexed so that "everything due by now" is one bounded read (never a Scan); implemented by `store-dynamodb`. */
export interface DueStore {
  /** Sets (or moves) when something is due; a new time starts with no attempts. */
  put(item: DueItem): Promise<void>;
  remove(tenant: Tenant, communityId: string, kind: DueKind, ref: string): Promise<void>;
  /** A community's due items of a kind whose ref starts with `refPrefix`. */
  list(tenant: Tenant, communityId: string, kind: DueKind, refPrefix: string): Promise<DueItem[]>;
  /** Everything due at or before `minute` and not held by an attempt, however long ago; oldest first, at most `limit`. */
  dueUpTo(minute: string, limit: number): Promise<DueItem[]>;
  /**
   * Takes an item for one delivery attempt, if it is still due at `item.minute` and no other attempt holds it:
   * the scheduler looks at it again only at `retryAt` (so a failure or a crash is retried then, and a second
   * tick finds it taken). The item as held (attempts counted), or undefined when taken, moved or gone.
   */
  hold(item: DueItem, now: string, retryAt: string): Promise<DueItem | undefined>;
  /** Moves an item from `from` to `to` (removes it when `to` is undefined) only if still due at `from`. */
  advance(item: DueItem, to: string | undefined): Promise<boolean>;
  /** Claims a delivery once; false when it was already claimed. */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back after its delivery failed, so a retry delivers it. */
  release(key: string): Promise<void>;
}

/** Hands slow work to the worker (asynchronous Lambda invocation on AWS, a background task locally). */
export interface Deferred {
  run(jobs: readonly Job[]): Promise<void>;
}

/** Who sent a command and from where. */
export interface CommandContext {
  readonly tenant: Tenant;
  readonly channelId: string;
  readonly userId: string;
  /** The user's language as the platform reports it (Discord sends one; Slack does not). */
  readonly userLocale?: Locale;
  /**
   * The platform's id of this one interaction (Discord's interaction id; Slack's trigger id), when it has
   * one: a repeat of the same interaction gets the first answer again and causes nothing twice.
   */
  readonly interactionId?: string;
  /**
   * The tenant was named by the id the user sent, not vouched for by the platform (a Discord direct
   * message carries no guild): whoever sent it may be an outsider, so features check that the thing the
   * id names is theirs (a stand-up run they take part in, an event open to them, their offer or task).
   */
  readonly tenantFromId?: boolean;
  /**
   * Set when the request came from a place linked to a community elsewhere: `tenant` and `channelId` are
   * then the community's (its home and home channel), and this is where the person really is (their
   * workspace or server and channel), for what only the platform there can do.
   */
  readonly place?: { readonly tenant: Tenant; readonly channelId: string };
  /** Workspace admin / Manage Server; may cost a platform call, so it is asked only when needed. */
  readonly isPlatformAdmin: () => Promise<boolean>;
  /**
   * The person's platform profile where the platform does not send it with each request (Slack: a cached
   * `users.info`); undefined when it could not be asked. Absent on platforms that send the locale (Discord).
   */
  readonly platformProfile?: () => Promise<PlatformProfile | undefined>;
  /**
   * Where the click or form came from when it is not a message: `home`, the person's Slack App Home. No
   * channel to answer in; the kernel republishes their Home view instead, with the answer on top.
   */
  readonly surface?: 'home';
  /** How this interaction can be answered after its acknowledgement (a `later` reply); kept only in that answer's job. */
  readonly answerLater?: InteractionTarget;
}

/** What use cases need from the outside world. */
export interface CoreDeps {
  readonly store: CommunityStore;
  /** The living board's record on the community (`board`). */
  readonly boards: BoardStore;
  readonly stories: StoryStore;
  readonly roles: RoleStore;
  readonly offers: OfferStore;
  readonly tasks: TaskStore;
  readonly standups: StandupStore;
  readonly campaigns: CampaignStore;
  readonly events: EventStore;
  readonly debriefs: DebriefStore;
  readonly decisions: DecisionStore;
  readonly coalitions: CoalitionStore;
  readonly codes: CodeStore;
  /** Places linked to communities elsewhere (one community in two places). */
  readonly links: LinkStore;
  readonly oneOnOnes: OneOnOneStore;
  readonly pairing: PairingStore;
  readonly members: MemberStore;
  readonly profiles: ProfileStore;
  readonly due: DueStore;
  readonly deferred: Deferred;
  /** A new unique id (tasks). */
  readonly newId: () => string;
  /** Posts to channels, threads and members on the caller's platform. */
  readonly messenger: Messenger;
  /** The members of a workspace or guild, to find someone named by a typed name rather than a mention. */
  readonly people: PeopleDirectory;
  /** Calendar feeds' keys and link signing; absent where the deployment keeps no feed secret. */
  readonly calendar?: CalendarDeps;
  /** Draws charts (the report job only; the worker's deps have it, a request never loads it). */
  readonly charts?: ChartRenderer;
  readonly defaultLocale: Locale;
  readonly now: () => Date;
  /** Where jobs say what they chose to do instead (a fallback), for operators; none in some tests. */
  readonly log?: { warn(message: string, fields?: Record<string, unknown>): void };
}

/** A tenant's bot credentials for outbound platform calls. */
export interface Installation {
  readonly botToken: string;
  readonly botUserId?: string;
  readonly botId?: string;
  /** This tenant's Web API base, when it is not the platform's (the local playground's own sandbox). */
  readonly apiUrl?: string;
}

/** A tenant's organization, as a request names it. */
export interface Organization {
  readonly id?: string | undefined;
  /** The request is about the organization as a whole (an organization-wide install), not one workspace. */
  readonly whole?: boolean;
}

/** Where outbound clients get their credentials, per tenant (never one global token). */
export interface Installations {
  /**
   * `organization`: what the platform says of the tenant's organization, when it has one (Slack Enterprise
   * Grid: a workspace may be served by its organization's install, or the install may be the whole organization's).
   */
  forTenant(tenant: Tenant, organization?: Organization): Promise<Installation | undefined>;
}

/**
 * An app installation kept at rest (Slack OAuth): the credentials sealed, a few facts in the clear.
 * `key` is the installing workspace (`T…`) or organization (`E…`); an alias points a workspace of an
 * organization-wide install at its organization's record.
 */
export interface InstallationRecord {
  readonly platform: Tenant['platform'];
  readonly key: string;
  /** The credentials, encrypted (see the composition root's sealer). */
  readonly sealed: string;
  readonly installedAt: string;
  readonly installerId?: string;
}

/** Where installations are kept; the adapter decides what they mean. */
export interface InstallationRecords {
  put(record: InstallationRecord): Promise<void>;
  get(platform: Tenant['platform'], key: string): Promise<InstallationRecord | undefined>;
  /** Removes the record; true when something was there. Aliases to it then lead nowhere. */
  remove(platform: Tenant['platform'], key: string): Promise<boolean>;
  /** Points a workspace at the record it is installed through (organization installs). */
  alias(platform: Tenant['platform'], key: string, target: string): Promise<void>;
  aliasOf(platform: Tenant['platform'], key: string): Promise<string | undefined>;
}

/** Encrypts secrets at rest (a local key file, or KMS envelope encryption on AWS). */
export interface Sealer {
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Outbound messages on the tenant's platform; each adapter implements it with its Web API. */
export interface Messenger {
  /** Posts in a channel and returns the message id (Slack `ts`, Discord message id). */
  postInChannel(tenant: Tenant, channelId: string, message: OutboundMessage): Promise<{ messageId: string }>;
  /** Replies in the thread of a message (Discord: the thread started from it, created on first use). */
  postInThread(
    tenant: Tenant,
    channelId: string,
    messageId: string,
    message: OutboundMessage,
  ): Promise<{ channelId: string; messageId: string }>;
  /** A direct message to a member; returns where it landed, so it can be edited later. */
  notifyMember(tenant: Tenant, memberId: string, message: OutboundMessage): Promise<{ channelId: string; messageId: string }>;
  /** Uploads files into a member's direct messages with a short message (Slack files.uploadV2 flow; Discord attachments). */
  sendFiles(tenant: Tenant, memberId: string, message: OutboundMessage, files: readonly OutboundFile[]): Promise<void>;
  /** Uploads files into a channel with a message (`message.key` makes a repeat land once where the platform can). */
  postFiles?(tenant: Tenant, channelId: string, message: OutboundMessage, files: readonly OutboundFile[]): Promise<void>;
  /** Replaces a message Organizer posted earlier (Slack `chat.update`; Discord edit message). */
  updateMessage(tenant: Tenant, channelId: string, messageId: string, message: OutboundMessage): Promise<void>;
  /**
   * Pins (`on`) or unpins a message Organizer posted (Slack `pins.add`/`pins.remove`; Discord's channel
   * pins): already so is success; a refusal (no permission) throws for the caller to leave it be.
   */
  pin?(tenant: Tenant, channelId: string, messageId: string, on: boolean): Promise<void>;
  /**
   * Opens one conversation for a small group and returns its channel id: Slack a group DM of them all
   * (`conversations.open`, the same one however often it is asked); Discord a private thread named `name` in
   * `channelId` with each of them added. `repeat`: an earlier attempt may have opened it, so it is looked for
   * first (Discord: the guild's active threads, by name). Absent where the platform has no such thing.
   */
  openGroup?(
    tenant: Tenant,
    memberIds: readonly string[],
    place: { readonly channelId: string; readonly name: string; readonly repeat?: boolean },
  ): Promise<{ channelId: string }>;
  /**
   * Publishes a person's Home view (Slack `views.publish`: the whole view is replaced, so a repeat lands the
   * same view). Absent where the platform has no such thing (Discord).
   */
  publishHome?(tenant: Tenant, userId: string, view: { readonly blocks: readonly Block[] }): Promise<void>;
  /**
   * Answers an interaction that was acknowledged earlier, privately, to the person who sent it (Discord: edits
   * the deferred answer, `PATCH …/messages/@original`; Slack: the `response_url`, replacing the short
   * acknowledgement). `tenant`: where they asked. Throws `TargetExpired` when the platform no longer takes it.
   */
  answerInteraction?(tenant: Tenant, target: InteractionTarget, message: OutboundMessage): Promise<void>;
  /** The server's own events (Discord's Events tab); absent where the platform has none. */
  readonly scheduledEvents?: ScheduledEvents;
  /**
   * The name a person shows under in the tenant's workspace or server (Slack's display or real name; Discord's
   * nickname there, global name or username), for messages drawn for the other platform; undefined when unknown.
   */
  nameOf?(tenant: Tenant, userId: string): Promise<string | undefined>;
}
