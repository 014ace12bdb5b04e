import type { Campaign, Milestone } from '../campaigns/model.ts';
import type { CommunitySnapshot } from '../community/facts.ts';
import type { Activity, Community, StoryAnswers, Strategy, Tenant } from '../community/model.ts';
import type { Debrief } from '../debrief/model.ts';
import type { CommunityEvent } from '../events/model.ts';
import type { OneOnOne } from '../oneonones/model.ts';
import type { Pairing } from '../pairing/model.ts';
import type { Role } from '../roles/model.ts';
import type { Offer } from '../roles/offers.ts';
import type { Member, MemberAct, StandupAnswer, StandupRun, StandupSchedule } from '../standup/model.ts';
import type { StoryHead, StoryShare, StoryVersion, VersionKind } from '../story/model.ts';
import type { Task, TaskStatus } from '../tasks/model.ts';
import type { Locale } from './i18n/translate.ts';
import type { DueKind, Job } from './jobs.ts';
import type { PeopleDirectory } from './people.ts';
import type { Block } from './reply.ts';

/** Which community a command acts on, given the channel it came from. */
export type CommunityLookup =
  | { readonly kind: 'found'; readonly snapshot: CommunitySnapshot }
  | { readonly kind: 'none' }
  /** The channel is not a home channel and the tenant has several communities. */
  | { readonly kind: 'elsewhere'; readonly homeChannelIds: readonly string[] };

/** Persistence of communities; implemented by `store-dynamodb`. */
export interface CommunityStore {
  /** Creates the community unless its channel already has one (a condition, never an overwrite). */
  create(community: Community): Promise<'created' | 'exists'>;
  /** The channel's community, else the tenant's only one: at most two reads. */
  lookup(tenant: Tenant, channelId: string): Promise<CommunityLookup>;
  /**
   * Saves the four questions and vision as `version` (the next one), keeping the old version.
   * 'conflict' when someone saved meanwhile, 'missing' when the community was removed.
   */
  saveAnswers(tenant: Tenant, communityId: string, answers: StoryAnswers, version: StoryVersion): Promise<SaveResult>;
  /** Saves the strategy as `version` (the next one), keeping the old version; like `saveAnswers`. */
  saveStrategy(tenant: Tenant, communityId: string, strategy: Strategy, version: StoryVersion): Promise<SaveResult>;
  setSelfStoriesNeeded(tenant: Tenant, communityId: string, needed: number, at: string): Promise<'saved' | 'missing'>;
  setLocale(tenant: Tenant, communityId: string, locale: Locale, at: string): Promise<'saved' | 'missing'>;
  setTimezone(tenant: Tenant, communityId: string, zone: string, at: string): Promise<'saved' | 'missing'>;
  /** The ladder's rung names (stage 5). */
  setLadder(tenant: Tenant, communityId: string, rungs: readonly string[], at: string): Promise<'saved' | 'missing'>;
  setOneOnOneTarget(tenant: Tenant, communityId: string, target: number, at: string): Promise<'saved' | 'missing'>;
  /** Counts an act on the community (welcomed newcomers). */
  countActivity(tenant: Tenant, communityId: string, what: keyof Activity, by: number): Promise<void>;
  /** Adds a holiday (a local day with no stand-ups). */
  addHoliday(tenant: Tenant, communityId: string, date: string, at: string): Promise<'saved' | 'missing'>;
  /** Deletes everything the community holds, the community itself last; returns how many records went. */
  erase(tenant: Tenant, communityId: string): Promise<number>;
}

export type SaveResult = 'saved' | 'conflict' | 'missing';

/** Stories and their versions; implemented by `store-dynamodb`. */
export interface StoryStore {
  /** A member's story of self (latest version), or undefined. */
  selfStory(tenant: Tenant, communityId: string, memberId: string): Promise<StoryHead | undefined>;
  /** Saves a story as its next version (us and now on the community, self on the member's head). */
  saveStory(tenant: Tenant, communityId: string, story: StoryHead): Promise<SaveResult>;
  /** Versions, newest first. */
  versions(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, limit: number): Promise<StoryVersion[]>;
  version(tenant: Tenant, communityId: string, kind: VersionKind, owner: string, version: number): Promise<StoryVersion | undefined>;
  /** Records where the story was shared, so reflections and retellings go to its thread. */
  markShared(tenant: Tenant, communityId: string, head: StoryHead, share: StoryShare): Promise<'saved' | 'missing'>;
  /** Removes a member's story of self with all its versions; returns how many versions were removed. */
  deleteSelf(tenant: Tenant, communityId: string, memberId: string): Promise<number>;
}

/** The leadership team's roles; implemented by `store-dynamodb`. */
export interface RoleStore {
  addRole(tenant: Tenant, communityId: string, role: Role): Promise<'saved' | 'exists' | 'missing'>;
  adoptRoles(tenant: Tenant, communityId: string, roles: readonly Role[]): Promise<'saved' | 'missing'>;
  updateRole(
    tenant: Tenant,
    communityId: string,
    role: Pick<Role, 'id' | 'name' | 'responsibilities'>,
  ): Promise<'saved' | 'exists' | 'missing'>;
  removeRole(tenant: Tenant, communityId: string, id: string): Promise<'saved' | 'exists' | 'missing'>;
  /** Takes someone off a role (as its lead or a member); 'missing' when they were not in it. */
  unassign(tenant: Tenant, communityId: string, roleId: string, userId: string, asLead: boolean): Promise<'saved' | 'missing'>;
}

/** Offers of roles waiting for consent; implemented by `store-dynamodb`. */
export interface OfferStore {
  /** 'exists' while the same offer is still open: one offer, however many leaders click. */
  create(tenant: Tenant, offer: Offer): Promise<'saved' | 'exists'>;
  /** The open offer, or undefined when answered, withdrawn or lapsed. */
  get(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined>;
  /**
   * Takes the offer and the role place in one transaction: 'gone' when the offer was already answered
   * or lapsed (a double click), 'taken' when the role got a lead meanwhile or was removed.
   */
  accept(tenant: Tenant, offer: Offer, nowSeconds: number): Promise<'accepted' | 'gone' | 'taken'>;
  /** Removes an open offer and returns it; undefined when there was none. */
  withdraw(tenant: Tenant, communityId: string, offerId: string, nowSeconds: number): Promise<Offer | undefined>;
  /** Removes an offer left unanswered past its time and returns it; undefined when it was answered meanwhile. */
  lapse(tenant: Tenant, communityId: string, offerId: string): Promise<Offer | undefined>;
}

/** Tasks with owners and due dates; implemented by `store-dynamodb`. */
export interface TaskStore {
  create(tenant: Tenant, task: Task): Promise<'saved' | 'exists'>;
  get(tenant: Tenant, communityId: string, taskId: string): Promise<Task | undefined>;
  /** A community's tasks, newest first (at most `limit`). */
  list(tenant: Tenant, communityId: string, limit: number): Promise<Task[]>;
  /** Moves a task if it is still in `from` and `userId` owns it: one outcome however often a button is clicked. */
  move(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    userId: string,
    from: TaskStatus,
    to: TaskStatus,
    at: string,
    /** Why it was declined, kept on the task. */
    reason?: string,
  ): Promise<'saved' | 'conflict'>;
  /** The leader who asked drops a declined or handed-back task (`dropped`): it leaves their lists. */
  drop(tenant: Tenant, communityId: string, taskId: string, askedBy: string, at: string): Promise<'saved' | 'conflict'>;
  /** The leader who asked offers a declined or handed-back task to someone (again `proposed`, their reason cleared). */
  reoffer(tenant: Tenant, communityId: string, taskId: string, askedBy: string, ownerId: string, at: string): Promise<'saved' | 'conflict'>;
  /** A new due day, if the task is still open and unchanged since `previous` (its `updatedAt`). */
  reschedule(
    tenant: Tenant,
    communityId: string,
    taskId: string,
    due: { date: string; dueAt: number },
    previous: string,
    at: string,
  ): Promise<'saved' | 'conflict'>;
}

/** Campaigns; implemented by `store-dynamodb`. */
export interface CampaignStore {
  /** Creates the campaign (and counts it, and makes it the community's current one) unless one has its id. */
  create(tenant: Tenant, campaign: Campaign): Promise<'saved' | 'exists' | 'missing'>;
  get(tenant: Tenant, communityId: string, id: string): Promise<Campaign | undefined>;
  list(tenant: Tenant, communityId: string): Promise<Campaign[]>;
  /** New phase dates, if nobody changed the campaign since `previous` (its `updatedAt`). */
  setPhases(tenant: Tenant, campaign: Campaign, previous: string): Promise<'saved' | 'conflict'>;
  /** Appends a milestone; 'missing' when the campaign is gone. */
  addMilestone(tenant: Tenant, communityId: string, id: string, milestone: Milestone): Promise<'saved' | 'missing'>;
}

/** Events and their RSVPs; implemented by `store-dynamodb`. */
export interface EventStore {
  /** Creates the event and counts it on the community; 'missing' when the community is gone, 'exists' when the id is taken. */
  create(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'missing' | 'exists'>;
  /** Saves a cancelled event (like `save`) and counts it off the community's events. */
  cancel(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'>;
  get(tenant: Tenant, communityId: string, id: string): Promise<CommunityEvent | undefined>;
  list(tenant: Tenant, communityId: string): Promise<CommunityEvent[]>;
  /** Saves a changed event (its `version` one above the stored one); 'conflict' when someone changed it meanwhile. */
  save(tenant: Tenant, event: CommunityEvent): Promise<'saved' | 'conflict'>;
}

/** Debriefs and their next steps; implemented by `store-dynamodb`. */
export interface DebriefStore {
  /** Saves the debrief and counts it on the community. */
  create(tenant: Tenant, debrief: Debrief): Promise<'saved' | 'missing'>;
  /** The newest debriefs first. */
  list(tenant: Tenant, communityId: string, limit: number): Promise<Debrief[]>;
  /** Marks a step as handed out as `taskId` (and counts it) unless it already was: one task per step. */
  assignStep(tenant: Tenant, communityId: string, debriefId: string, index: number, taskId: string): Promise<'saved' | 'taken'>;
  /** Counts a celebration on the community. */
  celebrate(tenant: Tenant, communityId: string): Promise<void>;
}

/** One-on-ones; implemented by `store-dynamodb`. Notes are private: callers filter what they show. */
export interface OneOnOneStore {
  /** Saves it and counts it (and its values) on the community. */
  create(tenant: Tenant, oneOnOne: OneOnOne): Promise<'saved' | 'missing'>;
  get(tenant: Tenant, communityId: string, loggerId: string, id: string): Promise<OneOnOne | undefined>;
  byLogger(tenant: Tenant, communityId: string, loggerId: string): Promise<OneOnOne[]>;
  all(tenant: Tenant, communityId: string): Promise<OneOnOne[]>;
}

/** Pairing rounds; implemented by `store-dynamodb`. */
export interface PairingStore {
  /** The community's pairing (an empty, inactive one when never set up). */
  get(tenant: Tenant, communityId: string): Promise<Pairing>;
  /** Saves a change whose `version` is one above the stored one; 'conflict' when someone changed it meanwhile. */
  save(tenant: Tenant, pairing: Pairing): Promise<'saved' | 'conflict'>;
}

/** Stand-up schedules, runs and answers; implemented by `store-dynamodb`. */
export interface StandupStore {
  schedules(tenant: Tenant, communityId: string): Promise<StandupSchedule[]>;
  schedule(tenant: Tenant, communityId: string, id: string): Promise<StandupSchedule | undefined>;
  saveSchedule(tenant: Tenant, schedule: StandupSchedule): Promise<void>;
  removeSchedule(tenant: Tenant, communityId: string, id: string): Promise<boolean>;
  /** Adds or removes an opted-in member; 'missing' when the stand-up is gone. */
  setMember(tenant: Tenant, communityId: string, id: string, userId: string, joined: boolean): Promise<'saved' | 'missing'>;
  /** Turns a stand-up's nudge before the summary on or off; 'missing' when the stand-up is gone. */
  setNudge(tenant: Tenant, communityId: string, id: string, on: boolean): Promise<'saved' | 'missing'>;
  /** Creates the day's run, pending (no message yet), unless it exists. */
  createRun(tenant: Tenant, run: StandupRun): Promise<'created' | 'exists'>;
  run(tenant: Tenant, communityId: string, runId: string): Promise<StandupRun | undefined>;
  /**
   * Takes the right to post a pending run's message until `until` (ISO instants): the claim that makes two
   * ticks (or a tick and `standup now`) post one message. false when it is posted or another attempt holds it.
   */
  claimRunPost(tenant: Tenant, communityId: string, runId: string, now: string, until: string): Promise<boolean>;
  /** Gives the right to post back after the post failed, so a retry posts. */
  releaseRunPost(tenant: Tenant, communityId: string, runId: string): Promise<void>;
  /** Marks the run posted, with its message: only now does it count as gone out. */
  setRunMessage(tenant: Tenant, communityId: string, runId: string, messageId: string): Promise<void>;
  /** Records a skip; 'missing' when the run is gone. */
  skip(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<'saved' | 'missing'>;
  answer(tenant: Tenant, communityId: string, runId: string, userId: string): Promise<StandupAnswer | undefined>;
  saveAnswer(tenant: Tenant, answer: StandupAnswer): Promise<void>;
  answers(tenant: Tenant, communityId: string, runId: string): Promise<StandupAnswer[]>;
  /** Answers of runs dated `from`..`to` (inclusive local dates), oldest first. */
  answersBetween(tenant: Tenant, communityId: string, from: string, to: string, limit: number): Promise<StandupAnswer[]>;
}

/** Members' own settings (timezone, away); implemented by `store-dynamodb`. */
export interface MemberStore {
  members(tenant: Tenant, communityId: string): Promise<Member[]>;
  member(tenant: Tenant, communityId: string, userId: string): Promise<Member | undefined>;
  setTimezone(tenant: Tenant, communityId: string, userId: string, zone: string): Promise<void>;
  setAway(tenant: Tenant, communityId: string, userId: string, until: string | undefined): Promise<void>;
  /** Counts an act of each member (the ladder of engagement). */
  count(tenant: Tenant, communityId: string, userIds: readonly string[], act: MemberAct): Promise<void>;
  /** Marks a member welcomed; 'already' when they were (the claim that sends the welcome once). */
  welcome(tenant: Tenant, communityId: string, userId: string, at: string): Promise<'welcomed' | 'already'>;
}

/**
 * A person's own language, per tenant (not per community): the one they chose with `lang me`, and the
 * last one their platform reported (Discord's interaction `locale`; Slack's `users.info` locale), so
 * direct messages sent later by jobs can use it.
 */
export interface Profile {
  readonly userId: string;
  /** Chosen with `lang me ru`; absent to follow the platform. */
  readonly locale?: Locale;
  /** The platform's last report of their language. */
  readonly seenLocale?: Locale;
  /** When `seenLocale` was learned (ISO instant); a Slack one is asked again after a while. */
  readonly seenAt?: string;
}

/** People's own settings across a tenant's communities; implemented by `store-dynamodb`. */
export interface ProfileStore {
  profile(tenant: Tenant, userId: string): Promise<Profile | undefined>;
  /** Profiles of several people (missing ones left out); one batched read per hundred. */
  profiles(tenant: Tenant, userIds: readonly string[]): Promise<Profile[]>;
  /** Sets (or with undefined clears) the language someone chose. */
  setLocale(tenant: Tenant, userId: string, locale: Locale | undefined): Promise<void>;
  /** Remembers the language the platform reported for someone. */
  rememberSeen(tenant: Tenant, userId: string, locale: Locale, at: string): Promise<void>;
  /** Removes every profile of the tenant (its last community was erased); returns how many went. */
  erase(tenant: Tenant): Promise<number>;
}

/** What a platform's own profile says of a person (Slack `users.info` with `include_locale`). */
export interface PlatformProfile {
  readonly locale?: Locale;
  /** IANA zone, as the platform has it. */
  readonly timezone?: string;
}

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
  /** Workspace admin / Manage Server; may cost a platform call, so it is asked only when needed. */
  readonly isPlatformAdmin: () => Promise<boolean>;
  /**
   * The person's platform profile where the platform does not send it with each request (Slack: a cached
   * `users.info`); undefined when it could not be asked. Absent on platforms that send the locale (Discord).
   */
  readonly platformProfile?: () => Promise<PlatformProfile | undefined>;
}

/** What use cases need from the outside world. */
export interface CoreDeps {
  readonly store: CommunityStore;
  readonly stories: StoryStore;
  readonly roles: RoleStore;
  readonly offers: OfferStore;
  readonly tasks: TaskStore;
  readonly standups: StandupStore;
  readonly campaigns: CampaignStore;
  readonly events: EventStore;
  readonly debriefs: DebriefStore;
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

/** A message Organizer posts on its own (not as the answer to a request). */
export interface OutboundMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
  /**
   * The message's stable delivery id (an outbox item's id plus its place in the job). A retry of the same
   * delivery carries the same key, so the adapter can make it land once (Discord `nonce` with
   * `enforce_nonce`; Slack message metadata, checked before a retry after an unknown outcome).
   */
  readonly key?: string;
  /** An earlier attempt of this delivery may have landed: look before posting (by `key`, where the platform can). */
  readonly repeat?: boolean;
}

/** A text file Organizer sends (exports: JSON and CSV). */
export interface OutboundFile {
  readonly name: string;
  readonly content: string;
  readonly contentType: string;
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
  /** Replaces a message Organizer posted earlier (Slack `chat.update`; Discord edit message). */
  updateMessage(tenant: Tenant, channelId: string, messageId: string, message: OutboundMessage): Promise<void>;
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
}
