import type { Community } from '../community/model.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Decision } from './model.ts';

/** What a stage puts forward, to prefill the proposal or poll modal (`strategy`, `campaign/<id>`, `debrief/<id>`). */
export interface SubjectDraft {
  readonly title?: string;
  readonly body?: string;
  readonly options?: readonly string[];
  /** The subject as the decision keeps it. */
  readonly subject: Decision['subject'];
}

/** The draft for a subject named in a button or modal state; undefined when it names nothing of this community. */
export async function subjectDraft(_subject: string, _community: Community, _deps: CoreDeps): Promise<SubjectDraft | undefined> {
  return undefined;
}

/** After a decision closed: records a passed proposal's adoption on its subject (the strategy, a campaign's plan). */
export async function settleSubject(_decision: Decision, _community: Community, _deps: CoreDeps): Promise<void> {}
