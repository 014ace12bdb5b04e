import { mkdirSync, writeFileSync } from 'node:fs';
import { buildBundles, OUT } from './bundle.ts';
import { measureColdStarts } from './cold-start.ts';
import { countDbCalls } from './db-calls.ts';
import { measureLatency } from './latency.ts';
import { discord, discordCommand, SLACK_SECRET, slackCommand } from './requests.ts';
import { startBenchServer } from './server.ts';
import { ms, verdict } from './stats.ts';

/** `npm run bench`: the budgets of ARCHITECTURE.md, measured on this machine in one run. */
async function main(): Promise<void> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(`Organizer bench — Node ${process.version}, ${process.platform}/${process.arch}\n`);

  const bundles = await buildBundles();
  console.log('Bundle (esbuild, ESM, minified, code splitting, AWS SDK included)');
  console.log(`  http function      ${kb(bundles.httpBytes)} in all, entry chunk ${kb(bundles.httpEntryBytes)}`);
  console.log(`  bare Hono function ${kb(bundles.bareBytes)}\n`);

  const env = {
    PATH: process.env.PATH ?? '',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    DISCORD_PUBLIC_KEY: discord.publicKeyHex,
    TABLE_NAME: 'bench',
    AWS_REGION: 'us-east-1',
    DYNAMODB_ENDPOINT: 'http://127.0.0.1:1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    LOG_LEVEL: 'silent',
    // Lambda runs Node 22, where the SDK prints no Node-version warning; don't time that warning here.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const cold = await measureColdStarts(bundles, { slack: slackCommand('help'), discord: discordCommand('help') }, env);
  const bare = cold[0]?.median ?? Number.NaN;
  console.log('Cold start: fresh Node process, import the bundle, answer one request (median of 15, interleaved)');
  for (const c of cold)
    console.log(`  ${c.name.padEnd(32)} ${ms(c.median).padStart(9)}  (min ${ms(c.min)}, import+answer ${ms(c.inProcess)})`);
  const slackRatio = (cold[1]?.median ?? Number.NaN) / bare;
  const discordRatio = (cold[2]?.median ?? Number.NaN) / bare;
  console.log(`  Slack / bare   ${slackRatio.toFixed(2)}× (goal ≤ 3.5×) ${verdict(slackRatio <= 3.5)}`);
  console.log(`  Discord / bare ${discordRatio.toFixed(2)}× (goal ≤ 2.5×) ${verdict(discordRatio <= 2.5)}\n`);

  const server = await startBenchServer();
  try {
    const setup = await server.send(slackCommand('setup Bench Community', 'C1'));
    if (setup.status !== 200) throw new Error(`setup answered ${setup.status}`);
    const latency = await measureLatency(server);
    console.log('Latency through the local HTTP server (1000 sequential requests each, after 300 warm-up)');
    for (const l of latency) console.log(`  ${l.name.padEnd(22)} p50 ${ms(l.p50).padStart(9)}   p99 ${ms(l.p99).padStart(9)}`);
    const ratio = (latency[1]?.p99 ?? Number.NaN) / (latency[0]?.p99 ?? Number.NaN);
    console.log(`  p99 status / healthz ${ratio.toFixed(2)} (goal ≤ 2) ${verdict(ratio <= 2)}\n`);

    const calls = await countDbCalls(server);
    console.log('DynamoDB calls per command (goal: status in its channel = 1 Query; any command ≤ 2 reads, ≤ 3 writes)');
    for (const c of calls) {
      const pass =
        c.reads <= 2 &&
        c.writes <= 3 &&
        (c.command !== 'status (home channel)' || (c.reads === 1 && c.operations.join() === 'QueryCommand'));
      console.log(`  ${c.command.padEnd(36)} reads ${c.reads}  writes ${c.writes}  ${verdict(pass)}  [${c.operations.join(', ')}]`);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/results.json`, JSON.stringify({ bundles, cold, latency, calls }, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
