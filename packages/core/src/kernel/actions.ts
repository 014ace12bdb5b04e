import type { Command } from '../features.ts';
import { fromAction, fromModal, tenantOfInteraction, validCommand } from './registry.ts';

/**
 * Button ids and modal submissions ↔ commands, shared by both adapters so a button means the same
 * on Slack and Discord. Ids are `verb:arg:arg` and stay short (Discord custom_id ≤ 100); each feature
 * encodes and decodes its own (`<feature>/ids.ts`).
 */

/** The tenant a button from a direct message belongs to: Discord sends button clicks in DMs without a guild. */
export const tenantOfAction = (id: string): string | undefined => tenantOfInteraction(id);

/** Where a button was clicked: the message carrying it. */
export interface ActionSource {
  readonly channelId: string;
  readonly messageId?: string;
}

/** A clicked button → a command, or undefined when the id is not one of ours. */
export const commandForAction = (id: string, source: ActionSource): Command | undefined =>
  validCommand(fromAction(id, source)) as Command | undefined;

/** A submitted modal's values (and its state) → a command, or undefined when it is not one of ours. */
export const commandForModal = (id: string, values: Readonly<Record<string, string>>, state = ''): Command | undefined =>
  validCommand(fromModal(id, values, state)) as Command | undefined;
