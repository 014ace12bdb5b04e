import { inCommunity } from '../kernel/context.ts';
import { t } from '../kernel/i18n/translate.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { MembersCommand } from './commands.ts';

type Away = Extract<MembersCommand, { type: 'away' }>;

/** `away until <date>`, `away <date>`, `away off`. */
export function parseAwayArgs(words: readonly string[]): Away {
  const [first = '', ...rest] = words;
  if (/^(off|back|нет|вернулся|вернулась)$/i.test(first)) return { type: 'away', off: true };
  const untilText = (/^(until|till|до|по)$/i.test(first) ? rest : words).join(' ');
  const until = clip(untilText, 100, '');
  return { type: 'away', ...(until ? { until } : {}), off: false };
}

/** Pauses the caller's stand-up prompts and task reminders until a day of their own zone, or ends the pause. */
export const away = inCommunity<Away>(async (cmd, ctx, deps, { locale, snapshot: { community } }) => {
  if (cmd.off) {
    await deps.members.setAway(ctx.tenant, community.id, ctx.userId, undefined);
    return ephemeral(t(locale, 'away.off'));
  }
  const member = await deps.members.member(ctx.tenant, community.id, ctx.userId);
  const zone = member?.timezone ?? community.timezone ?? 'UTC';
  const { readDue, pastText } = await import('../kernel/due-date.ts');
  const read = readDue(cmd.until ?? '', zone, deps.now(), locale);
  if ('problem' in read && read.problem === 'past') return ephemeral(pastText(locale, read.understood, zone));
  if ('problem' in read) return ephemeral(t(locale, 'away.bad', { date: clip((cmd.until ?? '').replace(/[`<>*]/g, ''), 60) }));
  await deps.members.setAway(ctx.tenant, community.id, ctx.userId, read.due.date);
  return message('ephemeral', [{ type: 'text', text: t(locale, 'away.set', { date: read.understood }) }]);
});
