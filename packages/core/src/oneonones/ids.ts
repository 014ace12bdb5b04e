import type { ModalSpec } from '../kernel/feature.ts';

/** What the one-on-one modal carries to its submission: the partner, the typed date, whether it is shared. */
export interface OneOnOneState {
  readonly partnerId: string;
  readonly date?: string | undefined;
  readonly share: boolean;
}

/** The one-on-one modal's state, `<partner>|<date>|<1 when shared>`. */
export const oneOnOneState = (state: OneOnOneState): string => `${state.partnerId}|${state.date ?? ''}|${state.share ? '1' : ''}`;

/** The one-on-one modal (`id: 'oneonone'`) → its submission. */
export const oneOnOneModals: Readonly<Record<string, ModalSpec>> = {
  oneonone: {
    decode: (v, state) => {
      const [partnerId, date, share] = state.split('|');
      return {
        type: 'oneonone.save',
        partnerId,
        ...(date ? { date } : {}),
        share: share === '1',
        values: v.values,
        notes: v.notes,
        mine: v.mine,
        theirs: v.theirs,
        followUp: v.followUp,
      };
    },
  },
};
