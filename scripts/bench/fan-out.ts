import { type Community, newCommunity, type StandupSchedule } from '@organizer/core';
import { ensureTable } from '@organizer/store-dynamodb';
import { loadConfig } from '../../functions/src/config.ts';
import { buildDeps } from '../../functions/src/deps.ts';
import { startDynamoDbLocal } from '../../functions/src/dynamodb-local.ts';
import { runTick } from '../../functions/src/tick.ts';
import { startRateLimitedApi } from './rate-limited-api.ts';

/**
 * 10,000 stand-up prompts due in one minute across 1,000 communities, each asking 10 members by direct
 * message. 900 are Slack workspaces; 100 are Discord guilds, because one Discord bot may make 50 requests a
 * second across all guilds and a DM costs two (open the DM, post), so ~2,100 Discord requests already
 * take ~42 s: more Discord guilds could not fit in a minute with one bot, whatever the code does.
 */
export const FAN_OUT = { communities: 1000, discord: 100, members: 10 } as const;

export interface FanOutResult {
  readonly prompts: number;
  readonly delivered: number;
  readonly duplicates: number;
  readonly missing: number;
  readonly headers: number;
  readonly wallMs: number;
  readonly postsPerSecond: number;
  readonly slack429: number;
  readonly discord429: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  readonly secondTickPosts: number;
  readonly failedJobs: number;
}

export async function measureFanOut(): Promise<FanOutResult> {
  const db = await startDynamoDbLocal();
  const api = await startRateLimitedApi();
  try {
    const failures: unknown[] = [];
    const config = loadConfig({
      TABLE_NAME: 'fanout',
      AWS_REGION: 'us-east-1',
      DYNAMODB_ENDPOINT: db.endpoint,
      SLACK_BOT_TOKEN: 'xoxb-fanout',
      SLACK_API_URL: `${api.url}/slack/api/`,
      DISCORD_BOT_TOKEN: 'discord-fanout',
      DISCORD_API_URL: `${api.url}/discord/api/v10`,
      LOG_LEVEL: 'silent',
    });
    // The app's clock is the tick's: the prompts fall due at a minute an hour from now, and the run happens then.
    let offset = 0;
    const deps = buildDeps(config, { now: () => new Date(Date.now() + offset) });
    await ensureTable(await deps.database(), config.TABLE_NAME);
    const minute = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    const at = new Date(`${minute}:00Z`);
    const time = minute.slice(11);
    // Seeding (not timed): Discord guilds first, so the slowest deliveries start first, as any order would allow.
    const communities: Community[] = Array.from({ length: FAN_OUT.communities }, (_, i) => {
      const discord = i < FAN_OUT.discord;
      return newCommunity({
        tenant: { platform: discord ? 'discord' : 'slack', id: discord ? `G${i}` : `T${i}` },
        id: `C${i}`,
        name: `Community ${i}`,
        coordinatorId: `U${i}x0`,
        createdAt: at.toISOString(),
      });
    });
    const seed = async (community: Community) => {
      const schedule: StandupSchedule = {
        id: 'daily',
        communityId: community.id,
        name: 'Daily',
        channelId: community.id,
        days: [1, 2, 3, 4, 5, 6, 7],
        time,
        zone: 'UTC',
        questions: ['Done?', 'Next?', 'Help?'],
        participants: 'optin',
        delivery: 'dm',
        windowMinutes: 240,
        members: Array.from({ length: FAN_OUT.members }, (_, m) => `U${community.id.slice(1)}x${m}`),
        createdBy: community.coordinatorId,
        updatedAt: at.toISOString(),
      };
      await deps.core.store.create(community);
      await deps.core.standups.saveSchedule(community.tenant, schedule);
      await deps.core.due.put({ tenant: community.tenant, communityId: community.id, kind: 'standup', ref: 'daily', minute });
    };
    for (let i = 0; i < communities.length; i += 50) await Promise.all(communities.slice(i, i + 50).map(seed));

    let peakRss = 0;
    let peakHeap = 0;
    const sample = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 100);
    offset = at.getTime() - Date.now();
    const started = Date.now();
    const tick = await runTick(deps.core.due, deps.core.deferred, at);
    await deps.idle();
    const wallMs = Date.now() - started;
    clearInterval(sample);
    if (tick.jobs !== FAN_OUT.communities) failures.push(new Error(`tick handed over ${tick.jobs} jobs`));

    const before = api.stats.slackPosts + api.stats.discordRequests;
    // The same minute again, two overlapping ticks, and the next minute: every item moved on, nothing new to post.
    await Promise.all([runTick(deps.core.due, deps.core.deferred, at), runTick(deps.core.due, deps.core.deferred, at)]);
    await runTick(deps.core.due, deps.core.deferred, new Date(at.getTime() + 60_000));
    await deps.idle();
    const secondTickPosts = api.stats.slackPosts + api.stats.discordRequests - before;

    let delivered = 0;
    let duplicates = 0;
    let missing = 0;
    let headers = 0;
    for (const community of communities) {
      const platform = community.tenant.platform;
      headers += api.delivered.get(`${platform}:${community.id}`) === 1 ? 1 : 0;
      for (let m = 0; m < FAN_OUT.members; m++) {
        const user = `U${community.id.slice(1)}x${m}`;
        const n = api.delivered.get(platform === 'slack' ? `slack:${user}` : `discord:dm-${user}`) ?? 0;
        if (n === 0) missing++;
        if (n > 1) duplicates += n - 1;
        if (n > 0) delivered++;
      }
    }
    const prompts = FAN_OUT.communities * FAN_OUT.members;
    const posts =
      api.stats.slackPosts + [...api.delivered.entries()].filter(([k]) => k.startsWith('discord:')).reduce((a, [, n]) => a + n, 0);
    return {
      prompts,
      delivered,
      duplicates,
      missing,
      headers,
      wallMs,
      postsPerSecond: posts / ((api.stats.lastAt - api.stats.firstAt || 1) / 1000),
      slack429: api.stats.slack429,
      discord429: api.stats.discord429,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      secondTickPosts,
      failedJobs: failures.length,
    };
  } finally {
    await api.stop();
    await db.stop();
  }
}

// Run alone: `npx tsx scripts/bench/fan-out.ts`.
if (process.argv[1]?.endsWith('fan-out.ts')) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  measureFanOut().then(
    (r) => {
      console.log(r);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
