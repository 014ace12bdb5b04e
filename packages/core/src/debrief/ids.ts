import type { ActionSpec, ModalSpec } from '../kernel/feature.ts';

/** Where a debrief is recorded: the community (named, for a button in a DM) and what it is about. */
export interface DebriefPlace {
  readonly tenantId: string;
  readonly communityId: string;
  /** `event.<id>`, `campaign.<id>` or `general`. */
  readonly subject: string;
}

/** The Debrief button sent by direct message after an event or a campaign: `debrief:open:<tenant>:<community>:<subject>`. */
export const openDebriefId = ({ tenantId, communityId, subject }: DebriefPlace): string =>
  `debrief:open:${tenantId}:${communityId}:${subject}`;

/** The debrief modal's state, `<tenant>|<community>|<subject>`: it may be submitted from a DM, which names no server. */
export const debriefState = ({ tenantId, communityId, subject }: DebriefPlace): string => `${tenantId}|${communityId}|${subject}`;

export const debriefActions: Readonly<Record<string, ActionSpec>> = {
  debrief: {
    fromDm: true,
    decode: (action, [tenantId, communityId, subject]) =>
      action === 'open' ? { type: 'debrief.open', tenantId, communityId, subject } : undefined,
  },
};

export const debriefModals: Readonly<Record<string, ModalSpec>> = {
  debrief: {
    // Opened from the button in a DM: Discord submits it without a server, so the state names it.
    fromDm: true,
    decode: (v, state) => {
      const [tenantId, communityId, subject] = state.split('|');
      return {
        type: 'debrief.save',
        tenantId,
        communityId,
        subject,
        worked: v.worked,
        didnt: v.didnt,
        turnout: v.turnout,
        learned: v.learned,
        next: v.next,
      };
    },
  },
};
