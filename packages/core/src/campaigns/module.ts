import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { type CampaignCommand, campaignCommands } from './commands.ts';
import { campaignHandlers } from './handlers.ts';
import { campaignActions, campaignModals } from './ids.ts';
import { planCampaign, runCampaignJob } from './job.ts';
import { campaignFromOptions, parseCampaignArgs } from './parse.ts';

/** Stage 6: campaigns planned backwards from their end date, phases with dates, milestones and tasks. */
export const campaignsFeature = feature<CampaignCommand>({
  id: 'campaigns',
  commands: campaignCommands,
  handlers: campaignHandlers,
  readOnly: ['campaign.list', 'campaign.show', 'campaign.new', 'campaign.dates.open'],
  words: { campaign: (rest) => parseCampaignArgs(rest), campaigns: () => parseCampaignArgs(['list']) },
  discord: [
    {
      name: 'campaign',
      description: 'cmd.campaign.description',
      options: [
        // `milestone` takes its text in `name`: `what by date`, as Slack users type it after `campaign milestone`.
        {
          name: 'action',
          kind: 'string',
          description: 'cmd.campaign.action.description',
          required: true,
          choices: ['new', 'list', 'show', 'milestone'],
        },
        { name: 'name', kind: 'string', description: 'cmd.campaign.name.description', maxLength: 80 },
      ],
      parse: campaignFromOptions,
    },
  ],
  actions: campaignActions,
  modals: campaignModals,
  forms: {
    'campaign.new': form('campaign new', 'campaign action:new'),
    'campaign.list': form('campaign list', 'campaign action:list'),
    'campaign.show': form('campaign show · $1', 'campaign action:show · name:$1'),
    'campaign.milestone': form('campaign milestone · $1 · by $2', 'campaign action:milestone · name:$1 · by $2'),
  },
  help: [
    { form: 'campaign.list', group: 'campaigns', leadersOnly: false },
    { form: 'campaign.show', group: 'campaigns', leadersOnly: false },
    { form: 'campaign.new', group: 'campaigns', leadersOnly: true },
    { form: 'campaign.milestone', group: 'campaigns', leadersOnly: true },
  ],
  aliases: { campaign: ['кампания', 'campaigns'] },
  jobs: { campaign: runCampaignJob, 'campaign.plan': planCampaign },
  dueKinds: ['campaign'],
});
