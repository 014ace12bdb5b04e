import type { Community } from '../community/model.ts';
import { communityZone } from '../community/model.ts';
import { forLeaders, isLeader, resolveCommunity } from '../kernel/context.ts';
import type { Features } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import type { Job } from '../kernel/jobs.ts';
import type { CoreDeps } from '../kernel/ports.ts';
import type { Modal, Reply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { defaultQuestions, runId, type StandupSchedule, standupId, standupLimits } from './model.ts';
import { standupWhenFields } from './when-fields.ts';

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

function settingsModal(locale: Locale, community: Community, existing: StandupSchedule | undefined, name: string | undefined): Modal {
  return {
    id: 'standup',
    ...(existing ? { state: existing.id } : {}),
    title: t(locale, 'standup.modal.title'),
    submit: t(locale, 'standup.modal.submit'),
    fields: [
      {
        id: 'name',
        label: t(locale, 'standup.modal.name'),
        value: existing?.name ?? name ?? t(locale, 'standup.defaultName'),
        multiline: false,
        required: true,
        maxLength: standupLimits.name,
      },
      // Day checkboxes and a time picker on Slack; one text field elsewhere.
      ...standupWhenFields(locale, communityZone(community), existing, {
        id: 'when',
        label: t(locale, 'standup.modal.when'),
        hint: t(locale, 'standup.modal.when.hint'),
        placeholder: t(locale, 'standup.modal.when.placeholder', { zone: communityZone(community) }),
        ...(existing ? { value: `${existing.days.join(',')} ${existing.time} ${existing.zone} ${existing.windowMinutes / 60}h` } : {}),
        multiline: false,
        required: true,
        maxLength: 100,
      }),
      {
        id: 'questions',
        label: t(locale, 'standup.modal.questions'),
        hint: t(locale, 'standup.modal.questions.hint', { max: standupLimits.questions }),
        value: (existing?.questions ?? defaultQuestions(locale)).join('\n'),
        multiline: true,
        required: true,
        maxLength: standupLimits.questions * (standupLimits.question + 1),
      },
      {
        id: 'participants',
        label: t(locale, 'standup.modal.who'),
        value: existing?.participants ?? 'optin',
        options: [
          { value: 'optin', label: t(locale, 'standup.who.optin') },
          { value: 'roles', label: t(locale, 'standup.who.roles') },
        ],
        multiline: false,
        required: true,
        maxLength: 20,
      },
      {
        id: 'delivery',
        label: t(locale, 'standup.modal.how'),
        value: existing?.delivery ?? 'channel',
        options: [
          { value: 'channel', label: t(locale, 'standup.how.channel') },
          { value: 'dm', label: t(locale, 'standup.how.dm') },
        ],
        multiline: false,
        required: true,
        maxLength: 20,
      },
    ],
  };
}

/** Stand-ups: scheduled by leaders, joined by anyone, run by the scheduler. */
export const standupFeature: Features<
  'standup.set' | 'standup.save' | 'standup.off' | 'standup.nudge' | 'standup.now' | 'standup.show' | 'standup.join' | 'standup.holiday'
> = {
  'standup.set': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(resolved.locale, 'standup.forbidden'));
    const all = await deps.standups.schedules(ctx.tenant, community.id);
    const name = cmd.name?.trim();
    const existing = name ? all.find((s) => s.id === standupId(name)) : all.length === 1 ? all[0] : undefined;
    return { kind: 'modal', modal: settingsModal(resolved.locale, community, existing, name) };
  },

  'standup.save': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'standup.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
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
    if (!when || Object.keys(errors).length > 0) return { kind: 'fieldErrors', errors, text: Object.values(errors).join('\n') };
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
  },

  'standup.off': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(resolved.locale, 'standup.forbidden'));
    const picked = await pick(cmd.name, community, resolved.locale, deps);
    if ('reply' in picked) return picked.reply;
    await deps.standups.removeSchedule(ctx.tenant, community.id, picked.schedule.id);
    // Items of participants' zones find the stand-up gone and remove themselves when due.
    await deps.due.remove(ctx.tenant, community.id, 'standup', picked.schedule.id);
    return ephemeral(t(resolved.locale, 'standup.off', { name: picked.schedule.name }));
  },

  'standup.nudge': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(resolved.locale, 'standup.forbidden'));
    const picked = await pick(cmd.name, community, resolved.locale, deps);
    if ('reply' in picked) return picked.reply;
    const { schedule } = picked;
    // Runs already posted keep their planned nudge; it reads this setting when it is due and sends nothing when off.
    if ((await deps.standups.setNudge(ctx.tenant, community.id, schedule.id, cmd.on)) === 'missing')
      return ephemeral(t(resolved.locale, 'standup.none'));
    return ephemeral(t(resolved.locale, cmd.on ? 'standup.nudge.on' : 'standup.nudge.off', { name: schedule.name }));
  },

  'standup.now': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    if (!(await isLeader(community, ctx))) return ephemeral(t(resolved.locale, 'standup.forbidden'));
    const picked = await pick(cmd.name, community, resolved.locale, deps);
    if ('reply' in picked) return picked.reply;
    const { minuteOf, localDateOf } = await import('../kernel/schedule.ts');
    // A stand-up in the channel goes out once a day; asking again points at today's instead of saying nothing.
    // (By direct message, asking again reaches those who joined since: each prompt is claimed per person.)
    const today = runId(localDateOf(deps.now(), picked.schedule.zone), picked.schedule.id);
    // Only a posted run counts: one whose post failed is still pending, and asking now posts it.
    if (picked.schedule.delivery !== 'dm' && (await deps.standups.run(ctx.tenant, community.id, today))?.messageId) {
      return ephemeral(t(resolved.locale, 'standup.now.already', { name: picked.schedule.name, channel: picked.schedule.channelId }));
    }
    // Posting (and, for direct messages, one message per participant) is slow work: the worker does it.
    await deps.deferred.run([
      {
        kind: 'standup',
        tenant: ctx.tenant,
        communityId: community.id,
        ref: picked.schedule.id,
        minute: minuteOf(deps.now()),
        manual: true,
      },
    ]);
    return ephemeral(t(resolved.locale, 'standup.now', { name: picked.schedule.name, channel: picked.schedule.channelId }));
  },

  'standup.show': async (_cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { locale } = resolved;
    const all = await deps.standups.schedules(ctx.tenant, resolved.snapshot.community.id);
    if (all.length === 0) return ephemeral(t(locale, 'standup.none'));
    const lines = await Promise.all(all.map((s) => describe(locale, s)));
    const holidays = resolved.snapshot.community.holidays.filter((d) => d >= deps.now().toISOString().slice(0, 10));
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'standup.show.title') },
      { type: 'text', text: lines.join('\n\n') },
      ...(holidays.length > 0
        ? [{ type: 'context' as const, text: t(locale, 'standup.show.holidays', { days: holidays.join(', ') }) }]
        : []),
    ]);
  },

  'standup.join': async (cmd, ctx, deps) => {
    const resolved = await resolveCommunity(ctx, deps);
    if ('reply' in resolved) return resolved.reply;
    const { community } = resolved.snapshot;
    const picked = await pick(cmd.name, community, resolved.locale, deps);
    if ('reply' in picked) return picked.reply;
    const { schedule } = picked;
    const saved = await deps.standups.setMember(ctx.tenant, community.id, schedule.id, ctx.userId, cmd.joined);
    if (saved === 'missing') return ephemeral(t(resolved.locale, 'standup.none'));
    // A new participant may bring a new timezone for direct-message prompts.
    if (schedule.delivery === 'dm') await deps.deferred.run([syncJob(community, schedule.id, deps)]);
    const key = cmd.joined ? 'standup.joined' : 'standup.left';
    const note = schedule.participants === 'roles' ? t(resolved.locale, 'standup.rolesNote') : '';
    return ephemeral(t(resolved.locale, key, { name: schedule.name }), ...(note ? [note] : []));
  },

  'standup.holiday': async (cmd, ctx, deps) => {
    const resolved = await forLeaders(ctx, deps, 'standup.forbidden');
    if ('reply' in resolved) return resolved.reply;
    const { locale, community } = resolved;
    const { readDue, pastText } = await import('../kernel/due-date.ts');
    const read = readDue(cmd.date ?? '', communityZone(community), deps.now(), locale);
    if ('problem' in read && read.problem === 'past') return ephemeral(pastText(locale, read.understood, communityZone(community)));
    if ('problem' in read) return ephemeral(t(locale, 'standup.holiday.bad', { date: clean(cmd.date ?? '') }));
    const day = read.due;
    // A run due that day finds the holiday when its time comes and posts nothing.
    await deps.store.addHoliday(ctx.tenant, community.id, day.date, deps.now().toISOString());
    return ephemeral(t(locale, 'standup.holiday.set', { date: read.understood }));
  },
};
