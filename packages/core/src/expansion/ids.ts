import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** The button on the ladder that opens its modal (leaders). */
export const editLadderId = 'ladder:edit';

/** What a leader's button on the note that someone joined does: offer them a first task, or plan a one-on-one. */
export type WelcomeMove = 'task' | '1on1';

/** A button on that note, sent by direct message: `welcome:<move>:<tenant>:<community>:<newcomer>`. */
export const welcomeId = (move: WelcomeMove, tenantId: string, communityId: string, userId: string): string =>
  `welcome:${move}:${tenantId}:${communityId}:${userId}`;

/** A welcome button's move → the command it runs. */
const welcomeCommand = (move: string) => (move === 'task' ? 'welcome.task' : move === '1on1' ? 'welcome.oneonone' : undefined);

export const expansionActions: Readonly<Record<string, ActionSpec>> = {
  ladder: { decode: (action, args) => (action === 'edit' && args.length === 0 ? { type: 'ladder.open' } : undefined) },
  welcome: {
    fromDm: true,
    decode: (action, [tenantId, communityId, userId]) => {
      const type = welcomeCommand(action);
      return type ? { type, tenantId, communityId, userId } : undefined;
    },
  },
};

/** The ladder modal (`id: 'ladder'`, one field per rung) → its submission. */
export const expansionModals: Readonly<Record<string, ModalSpec>> = {
  ladder: { decode: (v) => ({ type: 'ladder.save', rungs: { ...v } }) },
};
