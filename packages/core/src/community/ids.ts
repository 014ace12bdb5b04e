import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** After a typed `setup` without a known zone: the button that opens the community's timezone modal. */
export const setZoneId = 'setup:tz';

export const communityActions: Readonly<Record<string, ActionSpec>> = {
  setup: { decode: (action) => (action === 'tz' ? { type: 'tz.open' } : undefined) },
};

/** The setup modal and erase's name check (the timezone modal `tz.open` shows is the timezone feature's). */
export const communityModals: Readonly<Record<string, ModalSpec>> = {
  setup: { decode: (v) => ({ type: 'setup', name: v.name, goal: v.goal, zone: v.zone, fromModal: true }) },
  erase: { decode: (v) => ({ type: 'erase', name: v.name }) },
};
