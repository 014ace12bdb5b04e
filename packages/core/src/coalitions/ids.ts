import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** The shared story modal's state: the coalition and the version it was opened on (`<id>|<version>`). */
export const storyState = (coalitionId: string, version: number) => `${coalitionId}|${version}`;

/** The coalition's story of us, submitted: its text and the state it was opened with. */
export const coalitionModals: Readonly<Record<string, ModalSpec>> = {
  /** The shared campaign's modal: its fields, and the coalition and version it opened on (`storyState`'s form). */
  'coalition.campaign': {
    decode: (v, state) => {
      const [coalitionId = '', version = ''] = state.split('|');
      return {
        type: 'coalition.campaign.save',
        name: v.name ?? '',
        goal: v.goal ?? '',
        end: (v.end ?? '').slice(0, 100),
        phases: v.phases ?? '',
        ...(coalitionId ? { coalitionId: coalitionId.slice(0, 40) } : {}),
        ...(version ? { version: version.slice(0, 12) } : {}),
      };
    },
  },
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

/**
 * "Run it here" under the shared campaign's post: `coalition:run:<tenant>:<community>:<coalition>:<revision>`.
 * It names the community it was posted to, so a press elsewhere (another tenant, a direct message) is refused.
 */
export const runId = (tenantId: string, communityId: string, coalitionId: string, revision: number) =>
  `coalition:run:${tenantId}:${communityId}:${coalitionId}:${revision}`;

export const coalitionActions: Readonly<Record<string, ActionSpec>> = {
  coalition: {
    fromDm: true,
    decode: (action, [tenantId, communityId, coalitionId, revision]) =>
      action === 'run' ? { type: 'coalition.campaign.run', tenantId, communityId, coalitionId, revision } : undefined,
  },
};
