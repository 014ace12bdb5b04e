import type { Community } from '../community/model.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { ModalField } from '../kernel/reply.ts';
import { fits } from '../kernel/text.ts';
import { maxOptions } from './model.ts';
import type { PollKind } from './parse.ts';

/** Limits on what a proposal or poll says (titles fit a card's header; options fit a button). */
export const createLimits = { title: 150, body: 3000, why: 1500, option: 80, budget: 100, days: 90 } as const;

/** The rule select's values: consent, unanimous, or the share of those taking part who must agree. */
export const ruleChoices = ['consent', 'unanimous', '50', '60', '67', '75'] as const;
/** The anonymous select's values. */
export const yesNo = ['no', 'yes'] as const;

/** The electorate select's values: `everyone`, `leaders`, `role:<name>` for each role of the community. */
export const electorateChoices = (community: Community): string[] => [
  'everyone',
  'leaders',
  ...community.roles.map((role) => `role:${role.name}`),
];

const prefill = (text: string | undefined, max: number) => (text && fits(text, max) ? { value: text } : {});

function electorateField(locale: Locale, community: Community): ModalField {
  return {
    id: 'electorate',
    label: t(locale, 'decision.create.electorate.label'),
    multiline: false,
    required: true,
    maxLength: 80,
    value: 'everyone',
    options: electorateChoices(community).map((value) => ({
      value,
      label: value.startsWith('role:')
        ? t(locale, 'decision.create.electorate.role', { role: value.slice(5) })
        : t(locale, value === 'leaders' ? 'decision.create.electorate.leaders' : 'decision.create.electorate.everyone'),
    })),
  };
}

const closesField = (locale: Locale): ModalField => ({
  id: 'closes',
  label: t(locale, 'decision.create.closes.label'),
  hint: t(locale, 'decision.create.closes.hint'),
  placeholder: t(locale, 'decision.create.closes.placeholder'),
  multiline: false,
  required: true,
  maxLength: 100,
});

const anonymousField = (locale: Locale): ModalField => ({
  id: 'anonymous',
  label: t(locale, 'decision.create.anonymous.label'),
  multiline: false,
  required: true,
  maxLength: 10,
  value: 'no',
  options: yesNo.map((value) => ({ value, label: t(locale, `decision.create.anonymous.${value}`) })),
});

/**
 * The proposal modal, most needed first: Discord shows a modal's first five fields, so there a proposal
 * has no "why" and is never anonymous (both stay optional on Slack, which shows them all).
 */
export function proposeFields(locale: Locale, community: Community, draft: { title?: string; body?: string } = {}): ModalField[] {
  return [
    {
      id: 'title',
      label: t(locale, 'propose.title.label'),
      multiline: false,
      required: true,
      maxLength: createLimits.title,
      ...prefill(draft.title, createLimits.title),
    },
    {
      id: 'body',
      label: t(locale, 'propose.body.label'),
      multiline: true,
      required: true,
      maxLength: createLimits.body,
      ...prefill(draft.body, createLimits.body),
    },
    closesField(locale),
    {
      id: 'rule',
      label: t(locale, 'propose.rule.label'),
      multiline: false,
      required: true,
      maxLength: 20,
      value: 'consent',
      options: ruleChoices.map((value) => ({
        value,
        label:
          value === 'consent' || value === 'unanimous'
            ? t(locale, `propose.rule.${value}`)
            : t(locale, 'propose.rule.share', { share: value }),
      })),
    },
    electorateField(locale, community),
    { id: 'why', label: t(locale, 'propose.why.label'), multiline: true, required: false, maxLength: createLimits.why },
    anonymousField(locale),
  ];
}

/** Kinds whose options are typed (a sense check has its three answers; an opt-in's one option is its question). */
export const typedOptions = (kind: PollKind) => kind !== 'sense' && kind !== 'optin';

/**
 * The poll modal for `kind`, most needed first (Discord shows the first five: a dot vote there keeps its
 * budget and leaves out the anonymous choice).
 */
export function pollFields(
  locale: Locale,
  community: Community,
  kind: PollKind,
  draft: { title?: string; options?: readonly string[] } = {},
) {
  const max = maxOptions(kind);
  const options = draft.options?.slice(0, max).join('\n');
  const fields: ModalField[] = [
    {
      id: 'title',
      label: t(locale, `poll.title.label.${kind === 'sense' || kind === 'optin' || kind === 'time' ? kind : 'question'}`),
      multiline: false,
      required: true,
      maxLength: createLimits.title,
      ...prefill(draft.title, createLimits.title),
    },
  ];
  if (typedOptions(kind))
    fields.push({
      id: 'options',
      label: t(locale, kind === 'time' ? 'poll.options.label.time' : 'poll.options.label'),
      hint: t(locale, kind === 'time' ? 'poll.options.hint.time' : 'poll.options.hint', { max }),
      multiline: true,
      required: true,
      maxLength: (createLimits.option + 1) * max,
      ...prefill(options, (createLimits.option + 1) * max),
    });
  if (kind === 'dot')
    fields.push({
      id: 'budget',
      label: t(locale, 'poll.budget.label'),
      hint: t(locale, 'poll.budget.hint', { max: createLimits.budget }),
      multiline: false,
      required: false,
      maxLength: 3,
      value: '10',
    });
  fields.push(closesField(locale), electorateField(locale, community), anonymousField(locale));
  return fields;
}
