import type { ModalSpec } from '../kernel/feature.ts';

/** The shared story modal's state: the coalition and the version it was opened on (`<id>|<version>`). */
export const storyState = (coalitionId: string, version: number) => `${coalitionId}|${version}`;

/** The coalition's story of us, submitted: its text and the state it was opened with. */
export const coalitionModals: Readonly<Record<string, ModalSpec>> = {
  'coalition.story': {
    decode: (v, state) => {
      const [coalitionId = '', version = ''] = state.split('|');
      return {
        type: 'coalition.story.save',
        text: v.story ?? '',
        ...(coalitionId ? { coalitionId: coalitionId.slice(0, 40) } : {}),
        ...(version ? { version: version.slice(0, 12) } : {}),
      };
    },
  },
};
