import { communityZone } from '../community/model.ts';
import { inCommunity } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import { t } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import { message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { EventCommand } from './commands.ts';
import type { CommunityEvent } from './model.ts';

/** The upcoming events, and the ones whose title holds what is typed (Discord's suggestions). */
export const eventListHandlers: Pick<Handlers<EventCommand>, 'events' | 'events.suggest'> = {
  'events.suggest': async (cmd, ctx, deps) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    if (found.kind !== 'found') return { kind: 'choices', choices: [] };
    const { community } = found.snapshot;
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const typed = cmd.query.trim().toLocaleLowerCase();
    // The soonest first, then those just past (attendance is marked after the start); the value is the id, unique.
    const events = (await deps.events.list(ctx.tenant, community.id))
      .filter((e) => !e.cancelledAt && e.title.toLocaleLowerCase().includes(typed))
      .sort((a, b) => {
        const ahead = (e: CommunityEvent) => e.startsAt + e.minutes * 60 >= nowSeconds;
        return ahead(a) !== ahead(b) ? (ahead(a) ? -1 : 1) : ahead(a) ? a.startsAt - b.startsAt : b.startsAt - a.startsAt;
      })
      .slice(0, 25);
    const { DateTime } = await import('luxon');
    const day = (e: CommunityEvent) => DateTime.fromSeconds(e.startsAt, { zone: communityZone(community) }).toFormat('yyyy-MM-dd HH:mm');
    return { kind: 'choices', choices: events.map((e) => ({ name: clip(`${e.title} · ${day(e)}`, 100), value: e.id })) };
  },

  events: inCommunity(async (_cmd, ctx, deps, { locale, snapshot: { community } }) => {
    const nowSeconds = Math.floor(deps.now().getTime() / 1000);
    const upcoming = (await deps.events.list(ctx.tenant, community.id))
      .filter((e) => !e.cancelledAt && e.startsAt + e.minutes * 60 >= nowSeconds)
      .sort((a, b) => a.startsAt - b.startsAt);
    const lines = upcoming.map((e) =>
      t(locale, 'events.line', {
        title: e.title,
        start: `<t:${e.startsAt}:F>`,
        place: e.place,
        going: `${e.going.length}${e.capacity !== undefined ? `/${e.capacity}` : ''}`,
        id: e.id,
      }),
    );
    return message('ephemeral', [
      { type: 'header', text: t(locale, 'events.title') },
      {
        type: 'text',
        text: lines.length > 0 ? linesWithMore(locale, lines, { max: 20, how: t(locale, 'events.more.how') }) : t(locale, 'events.empty'),
      },
    ]);
  }),
};
