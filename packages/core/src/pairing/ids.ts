import type { ActionSpec } from '../kernel/feature.ts';
import type { pairAnswers } from './commands.ts';

type PairAnswer = (typeof pairAnswers)[number];

/**
 * A check-in button, `pair:<met|notyet|skip>:<tenant>:<community>:<round>.<index>`. It sits in direct
 * messages (or a group's own conversation), so it names its tenant.
 */
export const pairCheckInId = (answer: PairAnswer, tenantId: string, communityId: string, round: number, index: number): string =>
  `pair:${answer}:${tenantId}:${communityId}:${round}.${index}`;

export const pairingActions: Readonly<Record<string, ActionSpec>> = {
  pair: {
    fromDm: true,
    decode: (answer, [tenantId, communityId, group]) => ({ type: 'pair.met', answer, tenantId, communityId, group }),
  },
};
