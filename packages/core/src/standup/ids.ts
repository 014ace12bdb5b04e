import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';
import { joinedWhen } from './when-fields.ts';

/**
 * Answer (or Edit one's answer) and Skip today on a stand-up prompt: `standup:<verb>:<tenant>:<community>:<run>`.
 * Prompts may be direct messages, which carry no community, so the id names it (the strings are those of
 * messages already posted: never change them).
 */
export const standupButtonId = (verb: 'answer' | 'skip', tenantId: string, communityId: string, runId: string) =>
  `standup:${verb}:${tenantId}:${communityId}:${runId}`;

/** The answer modal's state: the run it answers, tenant first (it may be opened from a direct message). */
export const answerModalState = (tenantId: string, communityId: string, runId: string) => `${tenantId}|${communityId}|${runId}`;

const buttonTypes: Readonly<Record<string, string>> = { answer: 'standup.answer.open', skip: 'standup.skip' };

export const standupActions: Readonly<Record<string, ActionSpec>> = {
  standup: {
    fromDm: true,
    decode: (action, [tenantId, communityId, runId]) =>
      Object.hasOwn(buttonTypes, action) ? { type: buttonTypes[action], tenantId, communityId, runId } : undefined,
  },
};

export const standupModals: Readonly<Record<string, ModalSpec>> = {
  /** The settings modal; its state is the stand-up being edited. */
  standup: {
    decode: (v, state) => {
      // Slack's day and time pickers come back as fields of their own, joined into the words `when` reads.
      const { at: _at, zone: _zone, window: _window, ...rest } = v;
      return { type: 'standup.save', ...(state ? { id: state } : {}), ...rest, ...(v.at !== undefined ? { when: joinedWhen(v) } : {}) };
    },
  },
  'standup.answer': {
    fromDm: true,
    decode: (v, state) => {
      const [tenantId, communityId, runId] = state.split('|');
      return { type: 'standup.answer.save', tenantId, communityId, runId, answers: { ...v } };
    },
  },
};
