/** A member's own settings: their timezone and when they are away. */
export interface Member {
  readonly userId: string;
  readonly timezone?: string;
  /** Last local day (YYYY-MM-DD) they are away; prompts and reminders skip them until then. */
  readonly awayUntil?: string;
  /** What they did, counted as they did it: the ladder of engagement is derived from these. */
  readonly acts?: Partial<Record<MemberAct, number>>;
  /** When Organizer welcomed them (joined the channel or `/community join`). */
  readonly welcomedAt?: string;
}

/** The acts that move someone up the ladder of engagement. */
export const memberActs = ['rsvps', 'attended', 'answers', 'oneOnOnes', 'tasksAccepted', 'tasksDone'] as const;
export type MemberAct = (typeof memberActs)[number];

/** True when the member is away on the local day `date`. */
export const isAway = (member: Member | undefined, date: string) => !!member?.awayUntil && member.awayUntil >= date;
