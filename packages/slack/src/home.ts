import type { CommandContext, Reply } from '@organizer/core';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/**
 * A click in someone's App Home: Slack sends it with `container.type: 'view'` and `view.type: 'home'`, and
 * no channel. The handlers are the same as anywhere; the kernel redraws the Home instead of answering.
 */
export function isHomeClick(click: { container?: unknown; view?: unknown }): boolean {
  const container = click.container as { type?: unknown } | undefined;
  const view = click.view as { type?: unknown } | undefined;
  return container?.type === 'view' && view?.type === 'home';
}

/** A modal opened from the Home tab says so in its `private_metadata`, so its submission redraws the Home too. */
export function markFromHome(view: Record<string, unknown>): Record<string, unknown> {
  let meta: Record<string, unknown> = {};
  try {
    meta = JSON.parse(String(view.private_metadata ?? '{}')) as Record<string, unknown>;
  } catch {
    // Ours always parses; a view without metadata starts from nothing.
  }
  return { ...view, private_metadata: JSON.stringify({ ...meta, surface: 'home' }) };
}

/** Whether a submitted modal was opened from the Home tab (see {@link markFromHome}). */
export function openedFromHome(view: unknown): boolean {
  try {
    const meta = JSON.parse((view as { private_metadata?: string })?.private_metadata || '{}') as { surface?: unknown } | null;
    return meta?.surface === 'home';
  } catch {
    return false;
  }
}

/** The context of a Home click or form: the same as elsewhere, marked as coming from the Home tab. */
export const onHome = (ctx: CommandContext, home: boolean): CommandContext => (home ? { ...ctx, surface: 'home' } : ctx);

/**
 * `app_home_opened` (subscribed in the manifest): someone opened the Home tab. Core hands a `home.publish`
 * job to the outbox and nothing else, so the event is answered at once; the worker publishes the view.
 * The same event comes for the Messages tab (`tab: 'messages'`): nothing to draw there.
 */
export function listenForHome(
  app: App,
  run: (
    opened: { teamId: string; channelId: string; userId: string },
    args: { client: WebClient; context: { botToken?: string; apiUrl?: unknown } },
  ) => Promise<Reply>,
): void {
  app.event('app_home_opened', async (args) => {
    const opened = args.event as { tab?: unknown; user?: unknown; channel?: unknown };
    const teamId = (args.body as { team_id?: unknown }).team_id;
    if (opened.tab !== 'home' || typeof teamId !== 'string' || typeof opened.user !== 'string') return;
    const channelId = typeof opened.channel === 'string' ? opened.channel : opened.user;
    await run({ teamId, channelId, userId: opened.user }, args);
  });
}
