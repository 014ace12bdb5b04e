import { feature } from '../kernel/feature.ts';
import { homeJob } from './after-click.ts';
import { type HomeCommand, homeCommands } from './commands.ts';

/**
 * Each person's Slack App Home: what is theirs to do in every community of the workspace, with the same
 * buttons as elsewhere. Opening the tab hands a `home.publish` job to the outbox (the event is answered at
 * once); the worker reads the state and publishes the view (`home/job.ts`).
 */
export const homeFeature = feature<HomeCommand>({
  id: 'home',
  commands: homeCommands,
  handlers: {
    'home.open': async (_cmd, ctx, deps) => {
      await deps.deferred.run([homeJob(ctx)]);
      return { kind: 'message', visibility: 'ephemeral', text: '', blocks: [] };
    },
  },
  // Opening changes no state: nothing to claim, nothing held; its one job is committed to the outbox.
  readOnly: ['home.open'],
});
