import type { Command, CommandContext, CoreDeps, Job, Outbox, Reply } from '@organizer/core';
import { ephemeral, HELD_WRITES_CONFLICT, isReadOnly, loadLocale, runCommand, t, watchBoards } from '@organizer/core';

/**
 * Commands that only read (or open a modal), as their features declare them: a repeat of one changes
 * nothing anyway, so they are not claimed and cost no write. Any other command is claimed before it runs.
 */
const readOnly = (type: string): boolean => isReadOnly(type);

/**
 * The author's Home redrawn after their command, when they opened it: the profile the kernel read for their
 * language says so (`known` reads nothing; from a place linked elsewhere the kernel read the profile at the
 * community's home, so nothing is known here and nothing is added).
 */
async function ownHome(ctx: CommandContext, deps: CoreDeps): Promise<Job[]> {
  if (ctx.tenant.platform !== 'slack' || ctx.surface === 'home') return [];
  const profile = await deps.profiles.known(ctx.tenant, ctx.userId).catch(() => undefined);
  return profile?.homeAt ? [{ kind: 'home.publish', tenant: ctx.tenant, userId: ctx.userId }] : [];
}

/** How long a repeat waits for the first delivery of the same interaction to finish before saying it is on its way. */
const REPEAT_WAIT_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a command so that its effects are data: its state writes are held back and the jobs it hands to
 * `deferred` (posts, DMs, follow-up work) are collected, not sent; both are committed in one transaction
 * with the interaction's record and its reply, then delivered by the outbox. The interaction is claimed first: a repeat (a
 * platform retry, a double submit, a replayed request) gets the first reply and causes nothing twice.
 */
export async function runCommitted(
  command: Command,
  ctx: CommandContext,
  deps: CoreDeps,
  outbox: Outbox,
  delivered: () => void,
): Promise<Reply> {
  const interaction = ctx.interactionId && !readOnly(command.type) ? { tenant: ctx.tenant, id: ctx.interactionId } : undefined;
  if (interaction) {
    let claim = await outbox.claimInteraction(interaction.tenant, interaction.id);
    for (let waited = 0; claim.kind === 'pending' && waited < REPEAT_WAIT_MS; waited += 250) {
      await sleep(250);
      claim = await outbox.claimInteraction(interaction.tenant, interaction.id);
    }
    if (claim.kind === 'done') return claim.reply;
    if (claim.kind === 'pending') {
      const locale = ctx.userLocale ?? deps.defaultLocale;
      await loadLocale(locale);
      return ephemeral(t(locale, 'error.pending'));
    }
  }
  const jobs: Job[] = [];
  const collecting: CoreDeps = { ...deps, deferred: { run: async (more) => void jobs.push(...more) } };
  // First with its state writes held back, committed in one transaction with its effects and its reply;
  // if the state moved meanwhile (a condition failed), once more writing directly, as a command always could.
  const attempt = async (hold: boolean): Promise<Reply> => {
    jobs.length = 0;
    const boards = watchBoards(collecting);
    const run = () => runCommand(command, ctx, boards.deps);
    const { value: reply, writes } = hold ? await outbox.holdWrites(run) : { value: await run(), writes: [] };
    // A form sent back with field errors saved nothing: a corrected submission is a new attempt.
    const refused = reply.kind === 'fieldErrors';
    // A command that changed something redraws its community's board (when it has one), with its other effects.
    const changed = writes.length > 0 || jobs.length > 0 || !hold;
    if (!refused) jobs.push(...boards.redraws(command.type, changed));
    // ...and its author's Slack Home, when they opened it (a click there redraws it already).
    if (!refused && changed && !readOnly(command.type)) jobs.push(...(await ownHome(ctx, deps)));
    if (interaction && refused) await outbox.releaseInteraction(interaction.tenant, interaction.id);
    const answered = interaction && !refused ? { ...interaction, reply } : undefined;
    if (answered || jobs.length > 0 || writes.length > 0) await outbox.commit(answered, jobs, writes);
    return reply;
  };
  let reply: Reply;
  try {
    // A read-only command holds nothing (and so never loads the store for it: `help` stays light).
    reply = await attempt(!readOnly(command.type)).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== HELD_WRITES_CONFLICT) throw error;
      return attempt(false);
    });
  } catch (error) {
    // Nothing was committed for it: let the platform's retry (or the person's) run it again.
    if (interaction) await outbox.releaseInteraction(interaction.tenant, interaction.id).catch(() => undefined);
    throw error;
  }
  if (jobs.length > 0) delivered();
  return reply;
}
