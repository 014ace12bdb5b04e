import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  Command,
  CommandContext,
  CoreDeps,
  Deferred,
  Installations,
  Job,
  Locale,
  Messenger,
  PeopleDirectory,
  Reply,
  Sealer,
} from '@organizer/core';
import type { SlackDeps, SlackInstallationStore } from '@organizer/slack';
import { calendarDeps } from './calendar-route.ts';
import { runCommitted } from './commands.ts';
import type { Config } from './config.ts';
import { inWorkerContext, lambdaInvoker, localDeferred } from './deferred.ts';
import { followingHome } from './home-follows.ts';
import { lazyChartRenderer } from './lazy-charts.ts';
import { linkedMessenger } from './linked-messenger.ts';
import { createLogger, describeError, type Logger } from './log.ts';
import {
  DRAIN_LIMIT,
  deliverStreamRecords,
  handedOver,
  localOutboxPump,
  type OutboxDelivery,
  outboxDelivery,
  type StreamRecord,
} from './outbox.ts';
import { createPlaygroundState, type PlaygroundState } from './playground/state.ts';
import { playgroundInstallations } from './playground/world.ts';
import { awsKms, kmsSealer, localSealer } from './seal.ts';

/** Everything the HTTP app needs, built once per process (module scope on Lambda). */
export interface AppDeps {
  readonly config: Config;
  readonly log: Logger;
  /** The DynamoDB client, created (and the AWS SDK loaded) on first use. */
  readonly database: () => Promise<DynamoDBDocumentClient>;
  readonly core: CoreDeps;
  /** Core as the worker sees it: the same stores, with a messenger that waits out rate limits. */
  readonly work: CoreDeps;
  /** Delivers outbox items (stream records on AWS, the ready index on every tick and locally). */
  readonly outbox: OutboxDelivery;
  /** Locally: starts the outbox's own drain every few seconds (retries after a failure, items left by a restart). */
  readonly startOutbox: () => void;
  /**
   * Every tick: what is ready in the outbox (retries whose wait is over, anything a lost stream record left)
   * goes to the worker on AWS, or is drained here locally. Returns how many items were ready.
   */
  readonly wakeOutbox: () => Promise<number>;
  /** The worker's side of the outbox stream. */
  readonly deliverStream: (records: readonly StreamRecord[]) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;
  /** Runs a batch of jobs; failures are logged and counted, never dropped silently. */
  readonly runJobs: (jobs: readonly Job[]) => Promise<{ done: number; failed: number }>;
  /** Resolves when in-process deferred work is done (locally and in tests; at once on AWS). */
  readonly idle: () => Promise<void>;
  readonly installations: Installations;
  /** Slack workspaces installed through OAuth; undefined in single-workspace mode (SLACK_BOT_TOKEN) or unconfigured. */
  readonly slackInstalls: (() => Promise<SlackInstallationStore>) | undefined;
  /** The browser playground's keys and records, when it is on (see `PLAYGROUND`). */
  readonly playground: PlaygroundState | undefined;
  readonly run: (command: Command, ctx: CommandContext) => Promise<Reply>;
  readonly claimDelivery: (key: string) => Promise<boolean>;
  readonly now: () => Date;
  readonly defaultLocale: Locale;
  readonly onError: (error: unknown) => void;
}

/**
 * Tokens from the environment: Discord's one bot token serves every guild it is invited to; Slack's,
 * when set, is one workspace's (single-workspace mode). `slack` replaces the Slack half (OAuth installs).
 */
export function envInstallations(config: Config, slack?: () => Promise<Installations>): Installations {
  return {
    forTenant: async (tenant, organization) => {
      if (tenant.platform === 'slack' && slack) return (await slack()).forTenant(tenant, organization);
      const botToken = tenant.platform === 'slack' ? config.SLACK_BOT_TOKEN : config.DISCORD_BOT_TOKEN;
      return botToken ? { botToken } : undefined;
    },
  };
}

/** Secrets at rest: KMS envelope encryption when a key is configured (AWS), else a key file under DATA_DIR. */
export function sealerFor(config: Config): Sealer {
  return config.TOKEN_KMS_KEY_ID ? kmsSealer(config.TOKEN_KMS_KEY_ID, awsKms(config.AWS_REGION)) : localSealer(config.DATA_DIR);
}

/** The members of the tenant's workspace or guild, from its own platform's API (imported on first use). */
export function platformPeople(config: Config, installations: Installations, now: () => Date): PeopleDirectory {
  const slack = once(async () => (await import('@organizer/slack')).slackPeople({ apiUrl: config.SLACK_API_URL, installations, now }));
  const discord = once(async () => (await import('@organizer/discord')).discordPeople({ apiUrl: config.DISCORD_API_URL, installations }));
  return { find: async (tenant, query) => (await (tenant.platform === 'slack' ? slack() : discord())).find(tenant, query) };
}

/**
 * Outbound messages on the tenant's own platform. Each adapter is imported on first use, like the
 * routes, so a Discord request never loads the Slack Web API client.
 */
export function platformMessenger(config: Config, installations: Installations, patient = false): Messenger {
  const slack = once(async () =>
    (await import('@organizer/slack')).slackMessenger({ apiUrl: config.SLACK_API_URL, installations, patient }),
  );
  const discord = once(async () =>
    (await import('@organizer/discord')).discordMessenger({
      apiUrl: config.DISCORD_API_URL,
      installations,
      patient,
      ...(config.DISCORD_APPLICATION_ID ? { applicationId: config.DISCORD_APPLICATION_ID } : {}),
    }),
  );
  const forTenant = (platform: 'slack' | 'discord') => (platform === 'slack' ? slack() : discord());
  return {
    postInChannel: async (tenant, ...rest) => (await forTenant(tenant.platform)).postInChannel(tenant, ...rest),
    postInThread: async (tenant, ...rest) => (await forTenant(tenant.platform)).postInThread(tenant, ...rest),
    notifyMember: async (tenant, ...rest) => (await forTenant(tenant.platform)).notifyMember(tenant, ...rest),
    updateMessage: async (tenant, ...rest) => (await forTenant(tenant.platform)).updateMessage(tenant, ...rest),
    pin: async (tenant, ...rest) => (await forTenant(tenant.platform)).pin?.(tenant, ...rest),
    nameOf: async (tenant, userId) => (await forTenant(tenant.platform)).nameOf?.(tenant, userId),
    sendFiles: async (tenant, ...rest) => (await forTenant(tenant.platform)).sendFiles(tenant, ...rest),
    postFiles: async (tenant, ...rest) => {
      const messenger = await forTenant(tenant.platform);
      if (!messenger.postFiles) throw new Error(`no channel uploads on ${tenant.platform}`);
      return messenger.postFiles(tenant, ...rest);
    },
    answerInteraction: async (tenant, ...rest) => {
      const messenger = await forTenant(tenant.platform);
      if (!messenger.answerInteraction) throw new Error(`no interaction answers on ${tenant.platform}`);
      return messenger.answerInteraction(tenant, ...rest);
    },
    publishHome: async (tenant, ...rest) => {
      // Discord has no App Home: the job is Slack's only.
      const messenger = await forTenant(tenant.platform);
      await messenger.publishHome?.(tenant, ...rest);
    },
    openGroup: async (tenant, ...rest) => {
      const messenger = await forTenant(tenant.platform);
      if (!messenger.openGroup) throw new Error(`no group conversations on ${tenant.platform}`);
      return messenger.openGroup(tenant, ...rest);
    },
    // The server's own events are Discord's: core asks for them only in Discord communities.
    scheduledEvents: {
      inviteUrl: async () => (await discord()).scheduledEvents?.inviteUrl(),
      create: async (tenant, ...rest) => serverEvents(await forTenant(tenant.platform)).create(tenant, ...rest),
      find: async (tenant, ...rest) => serverEvents(await forTenant(tenant.platform)).find(tenant, ...rest),
      update: async (tenant, ...rest) => serverEvents(await forTenant(tenant.platform)).update(tenant, ...rest),
      cancel: async (tenant, ...rest) => serverEvents(await forTenant(tenant.platform)).cancel(tenant, ...rest),
      interested: async (tenant, ...rest) => serverEvents(await forTenant(tenant.platform)).interested(tenant, ...rest),
    },
  };
}

/** A platform messenger's server events; only Discord's has them. */
function serverEvents(messenger: Messenger): NonNullable<Messenger['scheduledEvents']> {
  if (!messenger.scheduledEvents) throw new Error('no server events on this platform');
  return messenger.scheduledEvents;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/**
 * A store that loads the DynamoDB package (and the AWS SDK, ~370 KB) on its first call: a request that
 * touches no data (Discord's PING, `help`) never pays for it. Every store method is async, so a forwarding
 * proxy keeps the port's shape.
 */
function lazyStore<T extends object>(load: () => Promise<T>): T {
  return new Proxy({} as T, {
    get:
      (_target, method) =>
      async (...args: unknown[]) => {
        const store = (await load()) as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>;
        return store[method]?.(...args);
      },
  });
}

/** The composition root: config in, wired dependencies out. */
export function buildDeps(config: Config, overrides: { now?: () => Date } = {}): AppDeps {
  const log = createLogger(config.LOG_LEVEL);
  const now = overrides.now ?? (() => new Date());
  const newId = () => randomUUID().replace(/-/g, '').slice(0, 16);
  const table = config.TABLE_NAME;
  const data = once(async () => {
    const m = await import('@organizer/store-dynamodb');
    const db = m.createDocumentClient({
      tableName: table,
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    });
    return {
      db,
      claimOnce: m.claimOnce,
      store: new m.DynamoCommunityStore(db, table),
      boards: new m.DynamoBoardStore(db, table),
      calendars: new m.DynamoCalendarStore(db, table),
      stories: new m.DynamoStoryStore(db, table),
      roles: new m.DynamoRoleStore(db, table),
      offers: new m.DynamoOfferStore(db, table),
      tasks: new m.DynamoTaskStore(db, table),
      standups: new m.DynamoStandupStore(db, table),
      campaigns: new m.DynamoCampaignStore(db, table),
      events: new m.DynamoEventStore(db, table),
      debriefs: new m.DynamoDebriefStore(db, table),
      decisions: new m.DynamoDecisionStore(db, table),
      coalitions: new m.DynamoCoalitionStore(db, table),
      codes: new m.DynamoCodeStore(db, table),
      links: new m.DynamoLinkStore(db, table, now),
      oneOnOnes: new m.DynamoOneOnOneStore(db, table),
      pairing: new m.DynamoPairingStore(db, table),
      members: new m.DynamoMemberStore(db, table),
      profiles: new m.DynamoProfileStore(db, table, now),
      due: new m.DynamoDueStore(db, table, now),
      installs: new m.DynamoInstallationStore(db, table),
      outbox: new m.DynamoOutbox(db, table, now, newId),
    };
  });
  const oauth = !config.SLACK_BOT_TOKEN && config.SLACK_CLIENT_ID !== undefined;
  const slackInstalls = oauth
    ? once(async () => new (await import('@organizer/slack')).SlackInstallationStore((await data()).installs, sealerFor(config), now))
    : undefined;
  // Every function the stack deploys has one of these (the worker runs its work in-process, but on AWS).
  const onAws = config.WORKER_FUNCTION_NAME !== undefined || config.SECRETS_SSM_PREFIX !== undefined;
  const playgroundOn = config.PLAYGROUND ? config.PLAYGROUND === 'true' : !onAws;
  const playground = playgroundOn ? createPlaygroundState(config.SLACK_SIGNING_SECRET) : undefined;
  const tenants = envInstallations(config, slackInstalls);
  const installations = playground ? playgroundInstallations(tenants, () => playground.base) : tenants;
  let work: CoreDeps | undefined;
  const runOne = async (job: Job) => (await import('@organizer/core/work')).runJob(job, work as CoreDeps);
  const outbox = lazyStore(async () => (await data()).outbox);
  // An outbox item's id keys what it delivers: the messages it sends (so a retry lands once) and its counts.
  // A later attempt may follow one that posted and then timed out or died: its message is looked for first.
  const runDelivery = async (job: Job, deliveryId: string, attempts: number) => {
    if (job.kind === 'send') {
      const message = { ...job.message, key: job.message.key ?? deliveryId, ...(attempts > 1 ? { repeat: true } : {}) };
      return runOne({ ...job, message });
    }
    if (job.kind === 'count' && !(await claimDelivery(`outbox#count#${deliveryId}`))) return;
    return runOne(job);
  };
  // Delivery is the worker's work wherever it runs (the bench tells it from a command's own calls).
  const delivering = outboxDelivery(outbox, runDelivery, now, log);
  const delivery: OutboxDelivery = {
    deliver: (item) => inWorkerContext(() => delivering.deliver(item)),
    drain: (limit) => inWorkerContext(() => delivering.drain(limit)),
  };
  const local = config.WORKER_FUNCTION_NAME ? undefined : localDeferred(runOne, log);
  const pump = local ? localOutboxPump(delivery, log) : undefined;
  // Work due on the minute goes straight to the worker: its due item stays until it is delivered, so nothing is lost.
  const invokeWorker = config.WORKER_FUNCTION_NAME ? lambdaInvoker(config.WORKER_FUNCTION_NAME, config.AWS_REGION) : undefined;
  const handoff: Deferred = local ?? { run: (jobs) => (invokeWorker as NonNullable<typeof invokeWorker>)({ jobs }) };
  // Work a job decides is kept in the outbox first.
  const durable: Deferred = {
    run: async (jobs) => {
      if (jobs.length === 0) return;
      // Jobs a delivery hands over are added once, however often that delivery runs.
      await outbox.add(jobs, handedOver());
      pump?.kick();
    },
  };
  const claimDelivery = async (key: string) => {
    const { db, claimOnce } = await data();
    return claimOnce(db, table, key.split('#').slice(0, 2).join('#'), key, now());
  };
  const core: CoreDeps = {
    store: lazyStore(async () => (await data()).store),
    boards: lazyStore(async () => (await data()).boards),
    stories: lazyStore(async () => (await data()).stories),
    roles: lazyStore(async () => (await data()).roles),
    offers: lazyStore(async () => (await data()).offers),
    tasks: lazyStore(async () => (await data()).tasks),
    standups: lazyStore(async () => (await data()).standups),
    campaigns: lazyStore(async () => (await data()).campaigns),
    events: lazyStore(async () => (await data()).events),
    debriefs: lazyStore(async () => (await data()).debriefs),
    decisions: lazyStore(async () => (await data()).decisions),
    coalitions: lazyStore(async () => (await data()).coalitions),
    codes: lazyStore(async () => (await data()).codes),
    links: lazyStore(async () => (await data()).links),
    oneOnOnes: lazyStore(async () => (await data()).oneOnOnes),
    pairing: lazyStore(async () => (await data()).pairing),
    members: lazyStore(async () => (await data()).members),
    profiles: lazyStore(async () => (await data()).profiles),
    due: lazyStore(async () => (await data()).due),
    deferred: handoff,
    newId,
    messenger: platformMessenger(config, installations),
    people: platformPeople(config, installations, now),
    calendar: calendarDeps(
      config,
      lazyStore(async () => (await data()).calendars),
    ),
    defaultLocale: config.DEFAULT_LOCALE,
    now,
    log,
  };
  // The worker posts in every place of a community linked elsewhere (`link`), and DMs people where they are.
  // Only the worker draws charts (the report job); the renderer loads Vega and resvg on its first chart.
  const links = async () => (await data()).links;
  work = {
    ...core,
    deferred: durable,
    // Each Slack DM is followed by a redraw of its reader's Home, for those who opened theirs (`home-follows.ts`).
    messenger: linkedMessenger(
      followingHome(platformMessenger(config, installations, true), {
        profiles: core.profiles,
        outbox,
        now,
        kick: () => pump?.kick(),
        log,
      }),
      links,
      log,
    ),
    charts: lazyChartRenderer(),
  };
  const workDeps = work;
  return {
    config,
    log,
    database: async () => (await data()).db,
    core,
    work: workDeps,
    runJobs: async (jobs) => {
      const results = await Promise.allSettled(jobs.map(runOne));
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i], error: r.reason }] : []));
      for (const { job, error } of failed)
        log.error('job failed', { kind: job?.kind, ...(job && 'ref' in job ? { ref: job.ref } : {}), ...describeError(error) });
      return { done: jobs.length - failed.length, failed: failed.length };
    },
    outbox: delivery,
    startOutbox: () => pump?.start(),
    wakeOutbox: async () => {
      if (pump) {
        await pump.idle();
        return 0;
      }
      const ready = await outbox.ready(DRAIN_LIMIT);
      if (ready.length > 0) await invokeWorker?.({ outbox: ready });
      return ready.length;
    },
    deliverStream: async (records) =>
      deliverStreamRecords(
        records,
        delivery,
        async (image) => (await import('@organizer/store-dynamodb')).outboxItemFromStream(image),
        log,
      ),
    // Due work first (it may add to the outbox), then the outbox until nothing ready is left.
    idle: async () => {
      await local?.idle();
      await pump?.idle();
    },
    installations,
    slackInstalls,
    playground,
    run: (command, ctx) => runCommitted(command, ctx, core, outbox, () => pump?.kick()),
    claimDelivery,
    now,
    defaultLocale: config.DEFAULT_LOCALE,
    onError: (error) => log.error('request failed', describeError(error)),
  };
}

/** What the Slack adapter needs, the same for the HTTP route and Socket Mode (the route adds its signing secret). */
export async function slackAdapterDeps(deps: AppDeps): Promise<SlackDeps> {
  return {
    apiUrl: deps.config.SLACK_API_URL,
    installations: deps.installations,
    ...(deps.slackInstalls ? { installs: await deps.slackInstalls() } : {}),
    run: deps.run,
    claimDelivery: deps.claimDelivery,
    defaultLocale: deps.defaultLocale,
    now: deps.now,
    onError: deps.onError,
  };
}
