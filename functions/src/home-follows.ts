import type { HomeJob, Messenger, Outbox, ProfileStore, Tenant } from '@organizer/core';
import type { Logger } from './log.ts';

/** What the Home's follower needs: whether someone opened their Home, and the outbox to hand the redraw to. */
export interface HomeFollowDeps {
  readonly profiles: Pick<ProfileStore, 'profile'>;
  readonly outbox: Pick<Outbox, 'add'>;
  readonly now: () => Date;
  /** Starts delivery of what was just added (locally; on AWS the outbox's stream does). */
  readonly kick?: () => void;
  readonly log?: Logger;
}

/**
 * The hand-over of one person's Home redraw in one minute: the outbox adds it at most once (its marker must
 * not exist yet), so a stand-up prompt, an offer and a task notice reaching someone in the same minute, or
 * a delivery run again, publish their Home once. `~` and `.` never occur in platform ids.
 */
export const homeRedrawPart = (tenant: Tenant, userId: string, now: Date) => ({
  parent: `home~${tenant.platform}~${tenant.id}~${userId}`,
  part: now.toISOString().slice(0, 16),
});

/**
 * The worker's platform messenger, followed by each person's Slack App Home: after a direct message reached
 * a Slack member (an offer, a task notice, a stand-up prompt, an event that changed: what concerns them
 * arrives as a DM), their Home is redrawn through the outbox, when they ever opened it. Whether they did is
 * on their profile, which the job sending the DM has mostly just read for its language (the profile store
 * keeps it a minute, batched reads included): a stand-up's thousands of prompts to people who never opened
 * their Home cost no read and no write more. Discord has no Home: nothing there.
 */
export function followingHome(inner: Messenger, deps: HomeFollowDeps): Messenger {
  const follow = async (tenant: Tenant, userId: string) => {
    const profile = await deps.profiles.profile(tenant, userId);
    if (!profile?.homeAt) return;
    const job: HomeJob = { kind: 'home.publish', tenant, userId };
    const added = await deps.outbox.add([job], homeRedrawPart(tenant, userId, deps.now()));
    if (added.length > 0) deps.kick?.();
  };
  return {
    ...inner,
    notifyMember: async (tenant, memberId, message) => {
      const sent = await inner.notifyMember(tenant, memberId, message);
      if (tenant.platform === 'slack')
        // The message landed: a stale Home is no reason to send it again, so a failure here is only logged.
        await follow(tenant, memberId).catch((error: unknown) =>
          deps.log?.warn('home redraw not handed over', { user: memberId, error: error instanceof Error ? error.message : String(error) }),
        );
      return sent;
    },
  };
}
