import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';
import type { OpenKind, StoryKind } from './model.ts';

// Ids of messages already posted carry these: they stay byte for byte as they are.

/** The coach's buttons: open the questions' modal or a story's. */
export const openStoryId = (kind: OpenKind) => `story:open:${kind}`;
/** After a story is told: share it in the channel. */
export const shareStoryId = (kind: StoryKind) => `story:share:${kind}`;
/** On a shared story: reflect on it (`ref`: `kind:owner`). */
export const reflectStoryId = (ref: string) => `story:reflect:${ref}`;

/** `story:open|share|reflect:…` → its command; Reflect also names the message it was clicked on. */
export const storyActions: Readonly<Record<string, ActionSpec>> = {
  story: {
    decode: (action, args, source) =>
      action === 'open'
        ? { type: 'story.open', kind: args[0] }
        : action === 'share'
          ? { type: 'story.share', kind: args[0] }
          : action === 'reflect' && source.messageId
            ? { type: 'story.reflect.open', ref: args.join(':'), channelId: source.channelId, messageId: source.messageId }
            : undefined,
  },
};

/** The state of a reflection's modal: the story and the message it was shared at. */
export const reflectState = (ref: string, channelId: string, messageId: string) => `${ref}|${channelId}|${messageId}`;

const told = (kind: StoryKind): ModalSpec => ({ decode: (v) => ({ type: 'story.tell', kind, parts: { ...v } }) });

/** The questions' modal, a story's (`story.<kind>`, one field per prompt) and a reflection's. */
export const storyModals: Readonly<Record<string, ModalSpec>> = {
  story: { decode: (v) => ({ type: 'story.save', answers: { goal: v.goal, who: v.who, how: v.how, when: v.when, vision: v.vision } }) },
  'story.self': told('self'),
  'story.us': told('us'),
  'story.now': told('now'),
  reflect: {
    decode: (v, state) => {
      const [ref, channelId, messageId] = state.split('|');
      return { type: 'story.reflect.save', ref, channelId, messageId, stoodOut: v.stoodOut, value: v.value };
    },
  },
};
