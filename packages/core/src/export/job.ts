import type { Community } from '../community/model.ts';
import { decisionExport } from '../decisions/log-export.ts';
import { loadLocale, t, tn } from '../kernel/i18n/translate.ts';
import { type ExportJob, plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps, OutboundFile } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { namesWithMore, startProgress } from '../kernel/work/progress.ts';
import { COMMUNITY_OWNER } from '../story/model.ts';
import { toCsv } from './csv.ts';

const csv = (name: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): OutboundFile => ({
  name: `${name}.csv`,
  content: toCsv(columns, rows),
  contentType: 'text/csv',
});

/**
 * Everything a community has, as one JSON file and a CSV per entity, uploaded to the leader's direct
 * messages. Runs in the worker: it reads every entity, which no request could do in 3 seconds.
 * Returns the names of the files sent.
 */
export async function runExportJob(job: ExportJob, community: Community, deps: CoreDeps): Promise<string[]> {
  const { tenant } = community;
  const locale = community.locale ?? deps.defaultLocale;
  const [tasks, answers, campaigns, events, debriefs, storyVersions, strategyVersions, decisions] = await Promise.all([
    deps.tasks.list(tenant, community.id, 10_000),
    deps.standups.answersBetween(tenant, community.id, '0000-00-00', '9999-99-99', 100_000),
    deps.campaigns.list(tenant, community.id),
    deps.events.list(tenant, community.id),
    deps.debriefs.list(tenant, community.id, 1000),
    deps.stories.versions(tenant, community.id, 'questions', COMMUNITY_OWNER, 1000),
    deps.stories.versions(tenant, community.id, 'strategy', COMMUNITY_OWNER, 1000),
    decisionExport(community, deps, locale),
  ]);
  const exportedAt = deps.now().toISOString();
  const data = {
    exportedAt,
    community: { ...community, tenant: undefined },
    storyVersions,
    strategyVersions,
    roles: community.roles,
    tasks,
    standupAnswers: answers,
    campaigns,
    events,
    debriefs,
    decisions: decisions.records,
  };
  const files: OutboundFile[] = [
    { name: 'community.json', content: `${JSON.stringify(data, null, 2)}\n`, contentType: 'application/json' },
    csv(
      'roles',
      ['id', 'name', 'leadId', 'memberIds', 'responsibilities'],
      community.roles.map((r) => ({ ...r })),
    ),
    csv(
      'tasks',
      ['id', 'title', 'ownerId', 'createdBy', 'status', 'due', 'campaignId', 'createdAt', 'updatedAt'],
      tasks.map((task) => ({ ...task, due: task.due?.date })),
    ),
    csv(
      'standup-answers',
      ['runId', 'name', 'userId', 'question', 'answer', 'at'],
      answers.flatMap((a) => a.answers.map((answer, i) => ({ ...a, question: a.questions[i], answer }))),
    ),
    csv(
      'campaign-phases',
      ['campaign', 'name', 'goal', 'endDate', 'phase', 'start', 'end'],
      campaigns.flatMap((c) =>
        c.phases.map((p) => ({ campaign: c.id, name: c.name, goal: c.goal, endDate: c.endDate, phase: p.id, start: p.start, end: p.end })),
      ),
    ),
    csv(
      'events',
      ['id', 'title', 'startsAt', 'minutes', 'place', 'capacity', 'campaignId', 'going', 'maybe', 'cant', 'waitlist', 'attended'],
      events.map((e) => ({
        ...e,
        startsAt: new Date(e.startsAt * 1000).toISOString(),
        going: e.going.length,
        maybe: e.maybe.length,
        cant: e.cant.length,
        waitlist: e.waitlist.length,
        attended: e.attended.length,
      })),
    ),
    csv(
      'rsvps',
      ['eventId', 'title', 'userId', 'answer'],
      events.flatMap((e) =>
        (['going', 'maybe', 'cant', 'waitlist', 'attended'] as const).flatMap((answer) =>
          e[answer].map((userId) => ({ eventId: e.id, title: e.title, userId, answer })),
        ),
      ),
    ),
    csv(
      'debriefs',
      ['id', 'title', 'subject', 'worked', 'didnt', 'turnout', 'learned', 'createdBy', 'createdAt'],
      debriefs.map((d) => ({ ...d })),
    ),
    csv(
      'next-steps',
      ['debriefId', 'text', 'taskId'],
      debriefs.flatMap((d) => d.steps.map((s) => ({ debriefId: d.id, text: s.text, taskId: s.taskId }))),
    ),
    // Decisions and their ballots, when there are any (an anonymous decision's ballots never: see decisionExport).
    ...decisions.tables.map((table) => csv(table.name, table.columns, table.rows)),
  ];
  const blocks: Block[] = [{ type: 'text', text: tn(locale, 'export.ready', files.length, { community: community.name }) }];
  const send = () => deps.messenger.sendFiles(job.via ?? tenant, job.userId, { text: plainText(blocks), blocks }, files);
  // One request's files go once, however often its job runs (a request without its time cannot be told apart).
  if (job.requestedAt) await claimed(deps, `${exportKey(job)}#sent`, send);
  else await send();
  return files.map((file) => file.name);
}

/** The delivery key of one export request. */
const exportKey = (job: ExportJob) =>
  `export#${job.tenant.platform}#${job.tenant.id}#${job.communityId}#${job.userId}#${job.requestedAt ?? ''}`;

/**
 * The worker's run of an export request: the files for a community that still exists. When it fails, the
 * leader waiting for files is told so (once per request, however often the worker retries it), and the job
 * fails so that it is logged and retried.
 */
export async function runExportRequest(job: ExportJob, deps: CoreDeps): Promise<void> {
  const found = await deps.store.lookup(job.tenant, job.communityId);
  if (found.kind !== 'found' || found.snapshot.community.id !== job.communityId) return;
  const { community } = found.snapshot;
  const locale = community.locale ?? deps.defaultLocale;
  await loadLocale(locale);
  const via = job.via ?? job.tenant;
  const key = exportKey(job);
  // "Preparing…" in the leader's DMs first, edited once the files went (or did not); once per request.
  const progress = job.requestedAt
    ? await startProgress(deps, via, `${key}#progress`, () =>
        deps.messenger.notifyMember(via, job.userId, {
          ...plainMessage(t(locale, 'export.progress', { community: community.name })),
          key: `${key}#progress`,
        }),
      )
    : undefined;
  const names = await runExportJob(job, community, deps).catch(async (error: unknown) => {
    // Told once: on the progress message when this attempt posted it, else in a message of its own.
    if (await deps.due.claim(key)) {
      const failed = plainMessage(t(locale, 'export.failed'));
      if (!(await progress?.end(failed))) await deps.messenger.notifyMember(via, job.userId, failed).catch(() => undefined);
    }
    throw error;
  });
  await progress?.end(
    plainMessage(tn(locale, 'export.done', names.length, { community: community.name, list: namesWithMore(locale, names) })),
  );
}
