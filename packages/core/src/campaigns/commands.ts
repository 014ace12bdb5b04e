import { literal, object, optional, type output, record } from 'zod/mini';
import { short, text } from '../kernel/fields.ts';

/** Campaigns: a modal to create one, its arc's dates, the list, one campaign's timeline, and milestones. */
export const campaignCommands = [
  object({ type: literal('campaign.new'), name: optional(short(80)) }),
  object({ type: literal('campaign.save'), name: optional(text), goal: optional(text), end: optional(short(100)) }),
  object({ type: literal('campaign.dates.open'), id: short(40) }),
  object({
    type: literal('campaign.dates.save'),
    id: short(40),
    previous: optional(short(40)),
    starts: record(short(20), short(20)),
  }),
  object({ type: literal('campaign.list') }),
  object({
    type: literal('campaign.milestone'),
    text: optional(text),
    due: optional(short(100)),
    campaign: optional(short(80)),
  }),
  object({ type: literal('campaign.show'), name: optional(short(80)) }),
] as const;

export type CampaignCommand = output<(typeof campaignCommands)[number]>;
