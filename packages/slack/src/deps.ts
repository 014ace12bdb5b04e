import type { Command, CommandContext, Installations, Locale, Reply } from '@organizer/core';
import type { SlackInstallationStore } from './installs.ts';

/** What the Slack adapter needs from the composition root. */
export interface SlackDeps {
  /** Absent → every request is answered 401: nothing unsigned is ever accepted. */
  readonly signingSecret?: string;
  /** Web API base URL (`https://slack.com/api/`, or a local recorder in tests). */
  readonly apiUrl: string;
  readonly installations: Installations;
  /** Workspaces installed through OAuth, which uninstall events remove (absent with one workspace's token from the environment). */
  readonly installs?: Pick<SlackInstallationStore, 'deleteInstallation'>;
  readonly run: (command: Command, ctx: CommandContext) => Promise<Reply>;
  /** Claims a delivery key once; false when already seen (platform retries repeat nothing). */
  readonly claimDelivery: (key: string) => Promise<boolean>;
  readonly defaultLocale: Locale;
  readonly now: () => Date;
  readonly onError?: (error: unknown) => void;
}

/** An HTTP answer for the route: JSON body, plain text, or nothing. */
export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
}
