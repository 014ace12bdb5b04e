import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** The button on the strategy that opens its modal, and what it decodes to. */
export const editStrategyId = 'strategy:edit';

export const strategyActions: Readonly<Record<string, ActionSpec>> = {
  strategy: { decode: (action) => (action === 'edit' ? { type: 'strategy.open' } : undefined) },
};

/** The strategy modal (`id: 'strategy'`, one field per part) → its submission. */
export const strategyModals: Readonly<Record<string, ModalSpec>> = {
  strategy: { decode: (v) => ({ type: 'strategy.save', goal: v.goal, change: v.change, tactics: v.tactics, timeline: v.timeline }) },
};
