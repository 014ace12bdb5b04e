import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { homeJob } from './after-click.ts';
import { type HomeCommand, homeCommands } from './commands.ts';
import { showMe } from './me.ts';

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
      // Only people who opened their Home have it redrawn after changes: that they did is kept on their profile
      // (the first time; the kernel just read the profile, so an opening again writes nothing).
      // The Home is the Slack workspace's, also where that workspace is a place of a community elsewhere.
      const own = ctx.place ? { tenant: ctx.place.tenant, userId: ctx.userId } : ctx;
      await deps.profiles.rememberHome(own.tenant, own.userId, deps.now().toISOString());
      await deps.deferred.run([homeJob(own)]);
      return { kind: 'message', visibility: 'ephemeral', text: '', blocks: [] };
    },
    'me.view': showMe,
  },
  // Opening changes no community's state: nothing to claim, nothing held; its one job is committed to the outbox
  // (the profile's mark is written directly, like a language the platform reported: a fact, not a decision).
  // `me` only reads; its buttons are the features' own, each claimed when clicked.
  readOnly: ['home.open', 'me.view'],
  // Slack's bare `me` is read by the calendar feature's `me` words; Discord's `me home` sits in its `me` group.
  forms: { me: form('me', 'me home') },
  help: [{ form: 'me', group: 'everyday', leadersOnly: false }],
});
