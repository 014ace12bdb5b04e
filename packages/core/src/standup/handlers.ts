import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { inCommunity, type LeaderScope, leadersOnly } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { Job } from '../kernel/jobs.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Reply } from '../kernel/reply.ts';
import { ephemeral, fieldErrors, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { openAnswer, saveAnswer, skipRun } from './answer.ts';
import type { StandupCommand, StandupCommandOf } from './commands.ts';
import { runId, type StandupSchedule, standupId, standupLimits } from './model.ts';
import { standupReport } from './report.ts';
import { settingsModal } from './settings-modal.ts';

const clean = (s: string) => clip(s.replace(/[`<>*]/g, ''), 80);

/** The stand-up a command names, or the only one; a reply when there is none or it is ambiguous. */
async function pick(
  name: string | undefined,
  community: Community,
  locale: Locale,
  deps: CoreDeps,
): Promise<{ schedule: StandupSchedule } | { reply: Reply }> {
  const all = await deps.standups.schedules(community.tenant, community.id);
  if (all.length === 0) return { reply: ephemeral(t(locale, 'standup.none')) };
  const wanted = name?.trim();
  const found = wanted ? all.find((s) => s.id === standupId(wanted) || s.name.toLowerCase() === wanted.toLowerCase()) : all[0];
  if (wanted && !found)
    return { reply: ephemeral(t(locale, 'standup.unknown', { name: clean(wanted), names: all.map((s) => s.name).join(', ') })) };
  if (!wanted && all.length > 1) return { reply: ephemeral(t(locale, 'standup.which', { names: all.map((s) => s.name).join(', ') })) };
  return { schedule: found as StandupSchedule };
}

/** Work for the worker: plan a stand-up's due items for its participants' zones. */
const syncJob = (community: Community, scheduleId: string, deps: CoreDeps): Job => ({
  kind: 'standup.sync',
  tenant: community.tenant,
  communityId: community.id,
  ref: scheduleId,
  minute: deps.now().toISOString().slice(0, 16),
});

/** How a stand-up reads in `standup show`. */
async function describe(locale: Locale, s: StandupSchedule): Promise<string> {
  const { describeDays } = await import('../kernel/schedule.ts');
  const joined = tn(locale, 'standup.row.joined', s.members.length);
  return t(locale, 'standup.row', {
    name: s.name,
    days: describeDays(s.days, locale),
    time: s.time,
    zone: s.zone,
    channel: s.channelId,
    who: t(locale, s.participants === 'optin' ? 'standup.who.optin' : 'standup.who.roles'),
    how: t(locale, s.delivery === 'dm' ? 'standup.how.dm' : 'standup.how.channel'),
    joined: s.nudge === false ? `${joined} · ${t(locale, 'standup.row.nudge.off')}` : joined,
  });
}

/** A command only leaders may give, refused with the stand-ups' own words. */
const forLeaders = <T extends StandupCommand['type']>(
  run: (command: StandupCommandOf<T>, ctx: CommandContext, deps: CoreDeps, scope: LeaderScope) => Promise<Reply>,
) => leadersOnly('standup.forbidden', run);

/** Stand-ups: scheduled by leaders, joined by anyone, run by the scheduler. */
export const standupHandlers: Handlers<StandupCommand> = {
  'standup.set': forLeaders<'standup.set'>(async (cmd, ctx, deps, { locale, community }) => {
    const all = await deps.standups.schedules(ctx.tenant, community.id);
    const name = cmd.name?.trim();
    const existing = name ? all.find((s) => s.id === standupId(name)) : all.length === 1 ? all[0] : undefined;
    return { kind: 'modal', modal: settingsModal(locale, community, existing, name) };
  }),

  'standup.save': forLeaders<'standup.save'>(async (cmd, ctx, deps, { locale, community }) => {
    const name = clip((cmd.name ?? '').replace(/\s+/g, ' ').trim(), standupLimits.name);
    const questions = (cmd.questions ?? '')
      .split('\n')
      .map((q) => q.trim())
      .filter(Boolean);
    const { parseWhen } = await import('./when.ts');
    const when = parseWhen(cmd.when ?? '', communityZone(community));
    const errors: Record<string, string> = {};
    if (!name) errors.name = t(locale, 'standup.error.name');
    if (!when) errors.when = t(locale, 'standup.error.when');
    if (questions.length === 0 || questions.length > standupLimits.questions || questions.some((q) => q.length > standupLimits.question))
      errors.questions = t(locale, 'standup.error.questions', { max: standupLimits.questions, length: standupLimits.question });
    if (!when || Object.keys(errors).length > 0) return fieldErrors(errors);
    const previous = cmd.id ? await deps.standups.schedule(ctx.tenant, community.id, cmd.id) : undefined;
    const schedule: StandupSchedule = {
      id: previous?.id ?? standupId(name),
      communityId: community.id,
      name,
      channelId: community.homeChannelId,
      days: when.days,
      time: when.time,
      zone: when.zone,
      questions,
      participants: cmd.participants === 'roles' ? 'roles' : 'optin',
      delivery: cmd.delivery === 'dm' ? 'dm' : 'channel',
      windowMinutes: when.windowMinutes ?? previous?.windowMinutes ?? 240,
      members: previous?.members ?? [],
      ...(previous?.nudge === false ? { nudge: false } : {}),
      createdBy: previous?.createdBy ?? ctx.userId,
      updatedAt: deps.now().toISOString(),
    };
    await deps.standups.saveSchedule(ctx.tenant, schedule);
    const { nextOccurrence, minuteOf } = await import('../kernel/schedule.ts');
    const next = nextOccurrence(schedule, deps.now(), new Set(community.holidays));
    if (next)
      await deps.due.put({ tenant: ctx.tenant, communityId: community.id, kind: 'standup', ref: schedule.id, minute: minuteOf(next.at) });
    // Participants' own zones (direct messages) are planned by the worker: it reads every member.
    if (schedule.delivery === 'dm') await deps.deferred.run([syncJob(community, schedule.id, deps)]);
    const hint = schedule.participants === 'optin' ? t(locale, 'standup.saved.join', { name: schedule.name }) : '';
    return ephemeral(t(locale, 'standup.saved', { line: await describe(locale, schedule) }), ...(hint ? [hint] : []));
  }),

  'standup.off': forLeaders<'standup.off'>(async (cmd, ctx, deps, { locale, community }) => {
    const picked = await pick(cmd.name, community, locale, deps);
    if ('reply' in picked) return picked.reply;
    await deps.standups.removeSchedule(ctx.tenant, community.id, picked.schedule.id);
    // Items of participants' zones find the stand-up gone and remove themselves when due.
    await deps.due.remove(ctx.tenant, community.id, 'standup', picked.schedule.id);
    return ephemeral(t(locale, 'standup.off', { name: picked.schedule.name }));
  }),

  'standup.nudge': forLeaders<'standup.nudge'>(async (cmd, ctx, deps, { locale, community }) => {
    const picked = await pick(cmd.name, community, locale, deps);
    if ('reply' in picked) return picked.reply;
    const { schedule } = picked;
    // Runs already posted keep their planned nudge; it reads this setting when it is due and sends nothing when off.
    if ((await deps.standups.setNudge(ctx.tenant, community.id, schedule.id, cmd.on)) === 'missing')
      return ephemeral(t(locale, 'standup.none'));
    return ephemeral(t(locale, cmd.on ? 'standup.nudge.on' : 'standup.nudge.off', { name: schedule.name }));
  }),

  'standup.now': forLeaders<'standup.now'>(async (cmd, ctx, deps, { locale, community }) => {
    const picked = await pick(cmd.name, community, locale, deps);
    if ('reply' in picked) return picked.reply;
    const { schedule } = picked;
    const { minuteOf, localDateOf } = await import('../kernel/schedule.ts');
    // A stand-up in the channel goes out once a day; asking again points at today's instead of saying nothing.
    // (By direct message, asking again reaches those who joined since: each prompt is claimed per person.)
    const today = runId(localDateOf(deps.now(), schedule.zone), schedule.id);
    // Only a posted run counts: one whose post failed is still pending, and asking now posts it.
    if (schedule.delivery !== 'dm' && (await deps.standups.run(ctx.tenant, community.id, today))?.messageId)
      return ephemeral(t(locale, 'standup.now.already', { name: schedule.name, channel: schedule.channelId }));
    // Posting (and, for direct messages, one message per participant) is slow work: the worker does it.
    const job = { kind: 'standup', tenant: ctx.tenant, communityId: community.id, ref: schedule.id, manual: true } as const;
    await deps.deferred.run([{ ...job, minute: minuteOf(deps.now()) }]);
    return ephemeral(t(locale, 'standup.now', { name: schedule.name, channel: schedule.channelId }));
  }),

  'standup.show': inCommunity(async (_cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const all = await deps.standups.schedules(ctx.tenant, community.id);
    if (all.length === 0) return ephemeral(t(locale, 'standup.none'));
    const lines = await Promise.all(all.map((s) => describe(locale, s)));
    const holidays = community.holidays.filter((d) => d >= deps.now().toISOString().slice(0, 10));
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'standup.show.title') },
      { type: 'text', text: lines.join('\n\n') },
      ...(holidays.length > 0
        ? [{ type: 'context' as const, text: t(locale, 'standup.show.holidays', { days: holidays.join(', ') }) }]
        : []),
    ]);
  }),

  'standup.join': inCommunity<StandupCommandOf<'standup.join'>>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const picked = await pick(cmd.name, community, locale, deps);
    if ('reply' in picked) return picked.reply;
    const { schedule } = picked;
    const saved = await deps.standups.setMember(ctx.tenant, community.id, schedule.id, ctx.userId, cmd.joined);
    if (saved === 'missing') return ephemeral(t(locale, 'standup.none'));
    // A new participant may bring a new timezone for direct-message prompts.
    if (schedule.delivery === 'dm') await deps.deferred.run([syncJob(community, schedule.id, deps)]);
    const note = schedule.participants === 'roles' ? t(locale, 'standup.rolesNote') : '';
    return ephemeral(t(locale, cmd.joined ? 'standup.joined' : 'standup.left', { name: schedule.name }), ...(note ? [note] : []));
  }),

  'standup.holiday': forLeaders<'standup.holiday'>(async (cmd, ctx, deps, { locale, community }) => {
    const { readDue, pastText } = await import('../kernel/due-date.ts');
    const read = readDue(cmd.date ?? '', communityZone(community), deps.now(), locale);
    if ('problem' in read && read.problem === 'past') return ephemeral(pastText(locale, read.understood, communityZone(community)));
    if ('problem' in read) return ephemeral(t(locale, 'standup.holiday.bad', { date: clean(cmd.date ?? '') }));
    // A run due that day finds the holiday when its time comes and posts nothing.
    await deps.store.addHoliday(ctx.tenant, community.id, read.due.date, deps.now().toISOString());
    return ephemeral(t(locale, 'standup.holiday.set', { date: read.understood }));
  }),

  'standup.report': standupReport,
  'standup.answer.open': openAnswer,
  'standup.answer.save': saveAnswer,
  'standup.skip': skipRun,
};
