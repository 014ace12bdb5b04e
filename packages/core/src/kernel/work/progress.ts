import type { Tenant } from '../../community/model.ts';
import { type Locale, tn } from '../i18n/translate.ts';
import type { CoreDeps, OutboundMessage } from '../ports.ts';

/** Where a progress message landed. */
export interface ProgressPlace {
  readonly channelId: string;
  readonly messageId: string;
}

/** The progress message of one run of long work: `end` turns it into the outcome. */
export interface Progress {
  /**
   * Replaces the progress message with how the work ended, when this attempt posted it; false when it
   * did not (an earlier attempt did, or the post failed), so the caller can say it another way.
   */
  end(message: OutboundMessage): Promise<boolean>;
}

/** File (or chart) names in a sentence: the first `max`, then how many more (`a, b, c, … (+4 more)`). */
export function namesWithMore(locale: Locale, names: readonly string[], max = 3): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? tn(locale, 'progress.more', names.length - max, { list: shown }) : shown;
}

/**
 * Says "preparing…" before long work starts (one message, later edited, rather than a silence). Posted
 * once per request: claimed under `key`, so a retry of the job, or a repeat after it finished, posts no
 * second one. A post that fails is logged and the work goes on: the progress message is a courtesy,
 * the result is what matters.
 */
export async function startProgress(
  deps: Pick<CoreDeps, 'due' | 'messenger' | 'log'>,
  tenant: Tenant,
  key: string,
  post: () => Promise<ProgressPlace>,
): Promise<Progress> {
  let place: ProgressPlace | undefined;
  if (await deps.due.claim(key))
    place = await post().catch((error: unknown) => {
      deps.log?.warn('progress message not posted', { key, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    });
  return {
    end: async (message) => {
      if (!place) return false;
      const { channelId, messageId } = place;
      // Best effort: the result itself was delivered (or its failure told) whatever this edit does.
      return deps.messenger.updateMessage(tenant, channelId, messageId, message).then(
        () => true,
        (error: unknown) => {
          deps.log?.warn('progress message not updated', { key, error: error instanceof Error ? error.message : String(error) });
          return false;
        },
      );
    },
  };
}
