import type { Options } from '../kernel/feature.ts';
import { clip } from '../kernel/text.ts';
import { parseTaskArgs } from '../tasks/parse.ts';

/** `campaign new [name]`, `campaign list`, `campaign show [name]`, `campaign milestone <what> by <date> [campaign:<name>]`. */
export function parseCampaignArgs(words: readonly string[]): unknown {
  const [verb = 'list', ...rest] = words;
  const name = clip(rest.join(' ').trim(), 80, '');
  switch (verb.toLowerCase()) {
    case 'new':
      return { type: 'campaign.new', ...(name ? { name } : {}) };
    case 'show':
      return { type: 'campaign.show', ...(name ? { name } : {}) };
    case 'list':
      return { type: 'campaign.list' };
    case 'milestone': {
      // The same shape as a task: `<what> by <date> [campaign:<name>]`.
      const task = parseTaskArgs(['-', ...rest]);
      return {
        type: 'campaign.milestone',
        ...(task.what ? { text: task.what } : {}),
        ...(task.due ? { due: task.due } : {}),
        ...(task.campaign ? { campaign: task.campaign } : {}),
      };
    }
    default:
      return { type: 'campaign.show', name: clip(words.join(' '), 80, '') };
  }
}

/** Discord's `/community campaign action:… name:…`: the same words Slack users type. */
export const campaignFromOptions = (option: Options): unknown =>
  parseCampaignArgs([String(option('action') ?? 'list'), ...(typeof option('name') === 'string' ? [String(option('name'))] : [])]);
