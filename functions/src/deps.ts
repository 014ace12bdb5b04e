import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Command, CommandContext, CoreDeps, Deferred, Installations, Job, Locale, Messenger, Reply } from '@organizer/core';
import { runCommand } from '@organizer/core';
import {
  claimOnce,
  createDocumentClient,
  DynamoCampaignStore,
  DynamoCommunityStore,
  DynamoDebriefStore,
  DynamoDueStore,
  DynamoEventStore,
  DynamoMemberStore,
  DynamoOfferStore,
  DynamoOneOnOneStore,
  DynamoPairingStore,
  DynamoRoleStore,
  DynamoStandupStore,
  DynamoStoryStore,
  DynamoTaskStore,
} from '@organizer/store-dynamodb';
import type { Config } from './config.ts';
import { lambdaDeferred, localDeferred } from './deferred.ts';
import { createLogger, describeError, type Logger } from './log.ts';

/** Everything the HTTP app needs, built once per process (module scope on Lambda). */
export interface AppDeps {
  readonly config: Config;
  readonly log: Logger;
  readonly db: DynamoDBDocumentClient;
  readonly core: CoreDeps;
  /** Core as the worker sees it: the same stores, with a messenger that waits out rate limits. */
  readonly work: CoreDeps;
  /** Runs a batch of jobs; failures are logged and counted, never dropped silently. */
  readonly runJobs: (jobs: readonly Job[]) => Promise<{ done: number; failed: number }>;
  /** Resolves when in-process deferred work is done (locally and in tests; at once on AWS). */
  readonly idle: () => Promise<void>;
  readonly installations: Installations;
  readonly run: (command: Command, ctx: CommandContext) => Promise<Reply>;
  readonly claimDelivery: (key: string) => Promise<boolean>;
  readonly now: () => Date;
  readonly defaultLocale: Locale;
  readonly onError: (error: unknown) => void;
}

/** Today one workspace and one guild, with tokens from the environment; OAuth installs replace this port. */
export function envInstallations(config: Config): Installations {
  return {
    forTenant: async (tenant) => {
      const botToken = tenant.platform === 'slack' ? config.SLACK_BOT_TOKEN : config.DISCORD_BOT_TOKEN;
      return botToken ? { botToken } : undefined;
    },
  };
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
    (await import('@organizer/discord')).discordMessenger({ apiUrl: config.DISCORD_API_URL, installations, patient }),
  );
  const forTenant = (platform: 'slack' | 'discord') => (platform === 'slack' ? slack() : discord());
  return {
    postInChannel: async (tenant, ...rest) => (await forTenant(tenant.platform)).postInChannel(tenant, ...rest),
    postInThread: async (tenant, ...rest) => (await forTenant(tenant.platform)).postInThread(tenant, ...rest),
    notifyMember: async (tenant, ...rest) => (await forTenant(tenant.platform)).notifyMember(tenant, ...rest),
    updateMessage: async (tenant, ...rest) => (await forTenant(tenant.platform)).updateMessage(tenant, ...rest),
    sendFiles: async (tenant, ...rest) => (await forTenant(tenant.platform)).sendFiles(tenant, ...rest),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}

/** The composition root: config in, wired dependencies out. */
export function buildDeps(config: Config, overrides: { now?: () => Date; db?: DynamoDBDocumentClient } = {}): AppDeps {
  const log = createLogger(config.LOG_LEVEL);
  const db =
    overrides.db ??
    createDocumentClient({
      tableName: config.TABLE_NAME,
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    });
  const now = overrides.now ?? (() => new Date());
  const installations = envInstallations(config);
  let work: CoreDeps | undefined;
  const runOne = async (job: Job) => (await import('@organizer/core/work')).runJob(job, work as CoreDeps);
  const local = config.WORKER_FUNCTION_NAME ? undefined : localDeferred(runOne, log);
  const deferred: Deferred = local ?? lambdaDeferred(config.WORKER_FUNCTION_NAME as string, config.AWS_REGION);
  const core: CoreDeps = {
    store: new DynamoCommunityStore(db, config.TABLE_NAME),
    stories: new DynamoStoryStore(db, config.TABLE_NAME),
    roles: new DynamoRoleStore(db, config.TABLE_NAME),
    offers: new DynamoOfferStore(db, config.TABLE_NAME),
    tasks: new DynamoTaskStore(db, config.TABLE_NAME),
    standups: new DynamoStandupStore(db, config.TABLE_NAME),
    campaigns: new DynamoCampaignStore(db, config.TABLE_NAME),
    events: new DynamoEventStore(db, config.TABLE_NAME),
    debriefs: new DynamoDebriefStore(db, config.TABLE_NAME),
    oneOnOnes: new DynamoOneOnOneStore(db, config.TABLE_NAME),
    pairing: new DynamoPairingStore(db, config.TABLE_NAME),
    members: new DynamoMemberStore(db, config.TABLE_NAME),
    due: new DynamoDueStore(db, config.TABLE_NAME, now),
    deferred,
    newId: () => randomUUID().replace(/-/g, '').slice(0, 16),
    messenger: platformMessenger(config, installations),
    defaultLocale: config.DEFAULT_LOCALE,
    now,
  };
  work = { ...core, messenger: platformMessenger(config, installations, true) };
  const workDeps = work;
  return {
    config,
    log,
    db,
    core,
    work: workDeps,
    runJobs: async (jobs) => {
      const results = await Promise.allSettled(jobs.map(runOne));
      const failed = results.flatMap((r, i) => (r.status === 'rejected' ? [{ job: jobs[i], error: r.reason }] : []));
      for (const { job, error } of failed)
        log.error('job failed', { kind: job?.kind, ...(job && 'ref' in job ? { ref: job.ref } : {}), ...describeError(error) });
      return { done: jobs.length - failed.length, failed: failed.length };
    },
    idle: () => local?.idle() ?? Promise.resolve(),
    installations,
    run: (command, ctx) => runCommand(command, ctx, core),
    claimDelivery: (key) => claimOnce(db, config.TABLE_NAME, key.split('#').slice(0, 2).join('#'), key, now()),
    now,
    defaultLocale: config.DEFAULT_LOCALE,
    onError: (error) => log.error('request failed', describeError(error)),
  };
}
