import { writeFileSync } from 'node:fs';
import { slackManifest } from '@organizer/slack';

/**
 * Prints the Slack app manifest for a deployment URL, or rewrites `slack-manifest.json`
 * (with a placeholder URL) when run with `--write`.
 * Usage: npm run slack:manifest -- https://xxxx.lambda-url.eu-west-1.on.aws
 */
export const PLACEHOLDER_URL = 'https://YOUR-ORGANIZER-URL';

const arg = process.argv[2];
if (arg === '--write') {
  writeFileSync('slack-manifest.json', `${JSON.stringify(slackManifest(PLACEHOLDER_URL), null, 2)}\n`);
  console.log('slack-manifest.json written');
} else {
  console.log(JSON.stringify(slackManifest(arg ?? PLACEHOLDER_URL), null, 2));
}
