import { type Community, communityZone } from '../community/model.ts';
import { personLocale } from '../kernel/context.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { type DueJob, plainMessage } from '../kernel/jobs.ts';
import type { CoreDeps, OutboundFile } from '../kernel/ports.ts';
import type { Block } from '../kernel/reply.ts';
import { plainText } from '../kernel/reply.ts';
import { claimed } from '../kernel/work/due-attempt.ts';
import { namesWithMore, startProgress } from '../kernel/work/progress.ts';
import { localDay, REPORT_WEEKS, reportCharts } from './data.ts';

/** Stand-up answers read at most (eight weeks of a large community's daily stand-ups). */
const ANSWERS_READ = 5000;

/** A report request's ref: when it was asked for (an ISO instant) and by whom, who hears if it fails. */
export const reportRef = (at: Date, userId: string) => `${at.toISOString()}#${userId}`;
const askedBy = (ref: string) => ref.split('#')[1];

/** The delivery key of one report request: the job's repeats post it once. */
export const reportKey = (job: DueJob) => `report#${job.tenant.platform}#${job.tenant.id}#${job.communityId}#${job.ref}`;

/**
 * The worker's run of a report: reads the community, its members, events, one-on-ones, recent stand-up
 * answers and current campaign, draws each chart as a PNG
 * and posts them in the home channel with their numbers as text, after a "drawing…" message there that it
 * then edits to say what was posted (or that it failed). Claimed once per request; a failed post gives the
 * claim back, so the retry posts it (once); the progress message is posted once, by the first attempt.
 */
export async function runReportJob(job: DueJob, community: Community, deps: CoreDeps): Promise<void> {
  const { charts } = deps;
  if (!charts) throw new Error('No chart renderer in these dependencies');
  const { tenant } = community;
  const found = await deps.store.lookup(tenant, community.id);
  if (found.kind !== 'found') return;
  const locale = community.locale ?? deps.defaultLocale;
  const now = deps.now();
  const zone = communityZone(community);
  // Stand-up runs are keyed by their day: a week more than shown, so the first week is whole in any zone.
  const since = localDay(new Date(now.getTime() - (REPORT_WEEKS + 1) * 7 * 86_400_000), zone);
  const current = community.campaign;
  const [members, events, oneOnOnes, answers, campaign] = await Promise.all([
    deps.members.members(tenant, community.id),
    deps.events.list(tenant, community.id),
    deps.oneOnOnes.all(tenant, community.id),
    deps.standups.answersBetween(tenant, community.id, since, '9999-99-99', ANSWERS_READ),
    current ? deps.campaigns.get(tenant, community.id, current.id) : undefined,
  ]);
  const drawn = reportCharts(
    { snapshot: found.snapshot, members, events, oneOnOnes, answers, ...(campaign ? { campaign } : {}) },
    now,
    zone,
    locale,
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone }).format(now);
  const lines = [
    ...drawn.map((chart) => chart.alt),
    ...(drawn.some((chart) => chart.name === 'turnout') ? [] : [t(locale, 'report.turnout.none')]),
  ];
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'report.header', { community: community.name, date }) },
    { type: 'text', text: lines.join('\n') },
  ];
  const key = reportKey(job);
  await claimed(deps, key, async () => {
    // Drawn only once the claim is ours: a repeat of the job renders nothing, and says nothing.
    const progress = await startProgress(deps, tenant, `${key}#progress`, async () => {
      const message = { ...plainMessage(t(locale, 'report.progress', { community: community.name })), key: `${key}#progress` };
      const posted = await deps.messenger.postInChannel(tenant, community.homeChannelId, message);
      return { channelId: community.homeChannelId, messageId: posted.messageId };
    });
    try {
      const files: OutboundFile[] = [];
      for (const chart of drawn)
        files.push({ name: `${chart.name}.png`, content: await charts.render(chart.spec), contentType: 'image/png', alt: chart.alt });
      if (!deps.messenger.postFiles) throw new Error(`No channel uploads on ${tenant.platform}`);
      await deps.messenger.postFiles(tenant, community.homeChannelId, { text: plainText(blocks), blocks, key }, files);
      const names = files.map((file) => file.name);
      await progress.end(plainMessage(tn(locale, 'report.done', files.length, { list: namesWithMore(locale, names) })));
    } catch (error) {
      // The channel sees what became of it, in the community's language: it is tried again, or asked again.
      await progress.end(plainMessage(t(locale, 'report.failed')));
      throw error;
    }
  }).catch(async (error: unknown) => {
    // The leader waiting for it hears once (in their language), however often the worker retries; the job fails to be retried.
    const userId = askedBy(job.ref);
    if (userId && (await deps.due.claim(`${key}#failed`)))
      await deps.messenger
        .notifyMember(tenant, userId, plainMessage(t(await personLocale(deps, community, userId), 'report.failed')))
        .catch(() => undefined);
    throw error;
  });
}
