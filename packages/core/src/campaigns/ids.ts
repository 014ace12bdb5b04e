import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** The button under a campaign's timeline that opens its dates (`campaign:dates:<campaign id>`). */
export const datesId = (campaignId: string) => `campaign:dates:${campaignId}`;

export const campaignActions: Readonly<Record<string, ActionSpec>> = {
  campaign: { decode: (action, args) => (action === 'dates' ? { type: 'campaign.dates.open', id: args.join(':') } : undefined) },
};

/** The dates modal's state: the campaign and the version it was opened on (`<id>|<updatedAt>`). */
export const datesState = (campaignId: string, updatedAt: string) => `${campaignId}|${updatedAt}`;

export const campaignModals: Readonly<Record<string, ModalSpec>> = {
  campaign: { decode: (v) => ({ type: 'campaign.save', name: v.name, goal: v.goal, end: v.end }) },
  'campaign.dates': {
    decode: (v, state) => {
      const [id, previous] = state.split('|');
      return { type: 'campaign.dates.save', id, previous, starts: { ...v } };
    },
  },
};
