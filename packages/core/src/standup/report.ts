import { inCommunity } from '../kernel/context.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import type { StandupCommandOf } from './commands.ts';
import { runDate } from './model.ts';

const REPORT_LIMIT = 50;
const DAY = 24 * 60 * 60 * 1000;

/** `standup report [from] [to]`: everyone's answers over a range of days (default the last 7). */
export const standupReport = inCommunity<StandupCommandOf<'standup.report'>>(
  async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const now = deps.now();
    // A report looks back: "monday", "1.12", "2026-11-30" are the last such day, in the community's zone.
    const { readMoment } = await import('../kernel/dates.ts');
    const zone = community.timezone ?? 'UTC';
    const day = (text: string | undefined, fallback: string) =>
      text?.trim() ? readMoment(text, { zone, now, locale, backward: true })?.date : fallback;
    const from = day(cmd.from, new Date(now.getTime() - 6 * DAY).toISOString().slice(0, 10));
    const to = day(cmd.to, now.toISOString().slice(0, 10));
    if (!from || !to || from > to) return ephemeral(t(locale, 'standup.report.bad'));
    const answers = await deps.standups.answersBetween(ctx.tenant, community.id, from, to, REPORT_LIMIT + 1);
    const lines = answers.slice(0, REPORT_LIMIT).map((a) => {
      const body = a.answers
        .map((text, i) => (text ? `${a.questions[i] ? `_${a.questions[i]}_ ` : ''}${text}` : ''))
        .filter(Boolean)
        .join('\n');
      return `**${runDate(a.runId)} · ${a.name}** <@${a.userId}>\n${body}`;
    });
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'standup.report.title') },
      { type: 'context', text: tn(locale, 'standup.report.count', Math.min(answers.length, REPORT_LIMIT), { from, to }) },
      { type: 'text', text: lines.length > 0 ? lines.join('\n\n') : t(locale, 'standup.report.empty') },
      ...(answers.length > REPORT_LIMIT
        ? [{ type: 'context' as const, text: t(locale, 'standup.report.more', { max: REPORT_LIMIT }) }]
        : []),
    ]);
  },
);
