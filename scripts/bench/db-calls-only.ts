import { countDbCalls } from './db-calls.ts';
import { slackCommand } from './requests.ts';
import { startBenchServer } from './server.ts';
import { table } from './stats.ts';

// Lambda runs Node 22, where the AWS SDK prints no Node-version warning; here it would only break the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * `npx tsx scripts/bench/db-calls-only.ts`: the bench's table of DynamoDB calls per command alone (part 4 of
 * `npm run bench`), a few seconds instead of minutes, and needing no quiet machine: it counts, it does not time.
 */
async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const setup = await server.send(slackCommand('setup Bench Community', 'C1'));
    if (setup.status !== 200 || server.errors.length > 0) throw new Error(`setup answered ${setup.status}: ${setup.text.slice(0, 300)}`);
    const calls = await countDbCalls(server);
    console.log(
      table(
        ['command', 'reads', 'writes', 'outbox', 'operations'],
        calls.map((c) => [c.command, String(c.reads), String(c.writes), String(c.outbox), c.operations.join(', ')]),
      ),
    );
  } finally {
    await server.stop();
  }
}

await main();
