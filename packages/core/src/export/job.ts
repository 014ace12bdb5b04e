import type { Community } from '../community/model.ts';
import { decisionExport } from '../decisions/log-export.ts';
import { loadLocale, t, tn } from '../kernel/i18n/translate.ts';
import { type ExportJob, plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps, OutboundFile } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
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
 */
export async function runExportJob(job: ExportJob, community: Community, deps: CoreDeps): Promise<void> {
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
  await deps.messenger.sendFiles(job.via ?? tenant, job.userId, { text: plainText(blocks), blocks }, files);
}

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
  await runExportJob(job, community, deps).catch(async (error: unknown) => {
    const key = `export#${job.tenant.platform}#${job.tenant.id}#${job.communityId}#${job.userId}#${job.requestedAt ?? ''}`;
    if (await deps.due.claim(key))
      await deps.messenger.notifyMember(job.via ?? job.tenant, job.userId, plainMessage(t(locale, 'export.failed'))).catch(() => undefined);
    throw error;
  });
}
