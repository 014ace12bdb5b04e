/** A next step decided in a debrief; it becomes a task once someone is asked to own it. */
export interface NextStep {
  readonly text: string;
  readonly taskId?: string;
}

/** A debrief (`…#DEBRIEF#<id>`) of an event, a campaign or the community's work in general. */
export interface Debrief {
  readonly id: string;
  readonly communityId: string;
  /** `event.<id>`, `campaign.<id>` or `general`. */
  readonly subject: string;
  readonly title: string;
  readonly worked: string;
  readonly didnt: string;
  readonly turnout: string;
  readonly learned: string;
  readonly steps: readonly NextStep[];
  readonly createdBy: string;
  readonly createdAt: string;
}

export const debriefLimits = { field: 1000, steps: 10, step: 300 } as const;
export const debriefFields = ['worked', 'didnt', 'turnout', 'learned', 'next'] as const;

/** A step's stable reference in `next`: the debrief's id and the step's number. */
export const stepRef = (debrief: Pick<Debrief, 'id'>, index: number) => `${debrief.id.slice(-5)}.${index + 1}`;
