import type { CommandForm, HelpEntry, SubcommandSpec } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import {
  decisionsFromOptions,
  parseDecisionsArgs,
  parsePollArgs,
  parseProposeArgs,
  pollFromOptions,
  pollKinds,
  proposeFromOptions,
} from './parse.ts';

/** Slack's words for the decision commands: `propose [decision id]`, `poll [kind]`, `decisions [word]`. */
export const decisionWords: Readonly<Record<string, (rest: readonly string[], args: string) => unknown>> = {
  propose: (rest) => parseProposeArgs(rest),
  poll: (rest) => parsePollArgs(rest),
  decisions: (rest) => parseDecisionsArgs(rest),
};

/** Discord: one `decide` group (`/community` has no room for more top-level subcommands). */
export const decisionDiscord: readonly SubcommandSpec[] = [
  {
    name: 'decide',
    description: 'cmd.decide.description',
    subcommands: [
      {
        name: 'propose',
        description: 'cmd.decide.propose.description',
        options: [
          // Closed decisions are suggested while typing (their ids come back as the value).
          {
            name: 'reopens',
            kind: 'string',
            description: 'cmd.decide.propose.reopens.description',
            maxLength: 100,
            suggest: (query) => ({ type: 'decisions.suggest', query }),
          },
        ],
        parse: proposeFromOptions,
      },
      {
        name: 'poll',
        description: 'cmd.decide.poll.description',
        options: [{ name: 'kind', kind: 'string', description: 'cmd.decide.poll.kind.description', choices: pollKinds }],
        parse: pollFromOptions,
      },
      {
        name: 'log',
        description: 'cmd.decide.log.description',
        options: [{ name: 'word', kind: 'string', description: 'cmd.decide.log.word.description', maxLength: 100 }],
        parse: decisionsFromOptions,
      },
    ],
  },
];

export const decisionForms: Readonly<Record<string, CommandForm>> = {
  propose: form('propose · $1', 'decide propose · reopens:$1'),
  poll: form('poll · $1', 'decide poll · kind:$1'),
  decisions: form('decisions · $1', 'decide log · word:$1'),
};

/**
 * Deciding together belongs to no one stage: proposals and the log sit with the strategy (stage 4, where a
 * community first decides something together), polls with the everyday tools. Anyone may use them.
 */
export const decisionHelp: readonly HelpEntry[] = [
  { form: 'propose', group: 'strategy', leadersOnly: false },
  { form: 'decisions', group: 'strategy', leadersOnly: false },
  { form: 'poll', group: 'everyday', leadersOnly: false },
];

export const decisionAliases: Readonly<Record<string, readonly string[]>> = {
  propose: ['proposal', 'предложить', 'предложение'],
  poll: ['vote', 'опрос', 'голосование'],
  decisions: ['decision', 'log', 'решения', 'решение'],
};
