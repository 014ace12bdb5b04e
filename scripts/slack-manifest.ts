import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { slackManifest } from '@organizer/slack';

/**
 * Prints the Slack app manifest, from the same definitions the app runs with.
 *   npm run slack:manifest -- --url https://xxxx.lambda-url.eu-west-1.on.aws   requests to a public URL
 *   npm run slack:manifest -- --url http://localhost:3000 --socket             Socket Mode (`npm run dev`)
 *   npm run slack:manifest -- --write                                         rewrites slack-manifest.json
 */
export const PLACEHOLDER_URL = 'https://YOUR-ORGANIZER-URL';

const { values, positionals } = parseArgs({
  options: { url: { type: 'string' }, socket: { type: 'boolean', default: false }, write: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const url = values.url ?? positionals[0] ?? PLACEHOLDER_URL;
if (!/^https?:\/\/\S+$/.test(url)) {
  console.error(`Not a URL: ${url}. Usage: npm run slack:manifest -- --url https://your-base-url [--socket]`);
  process.exit(2);
}
if (values.write) {
  writeFileSync('slack-manifest.json', `${JSON.stringify(slackManifest(PLACEHOLDER_URL), null, 2)}\n`);
  console.log('slack-manifest.json written');
} else {
  console.log(JSON.stringify(slackManifest(url, { socketMode: values.socket }), null, 2));
}
