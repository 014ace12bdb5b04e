import {
  type Block,
  type InteractionTarget,
  isUndeliverable,
  type LinkStore,
  type Messenger,
  type OutboundMessage,
  type PlaceLink,
  platformOfUser,
  type Tenant,
} from '@organizer/core';
import { drawnFor } from './cross-mentions.ts';
import type { Logger } from './log.ts';

/** Where one message landed in a place besides the home. */
interface Part {
  readonly tenant: Tenant;
  readonly channelId: string;
  readonly messageId: string;
}

/**
 * A message posted in a community's home channel and in each of its places' channels has one id, kept
 * wherever the message's id is kept (a card to redraw, a thread to answer in): the home's id, then each
 * place's `platform:tenant:channel:message`, separated by `|` (no platform's ids hold either character).
 */
export function placedId(home: string, parts: readonly Part[]): string {
  return [home, ...parts.map((p) => `${p.tenant.platform}:${p.tenant.id}:${p.channelId}:${p.messageId}`)].join('|');
}

export function placedParts(id: string): { home: string; parts: Part[] } {
  const [home = '', ...rest] = id.split('|');
  const parts = rest.flatMap((part) => {
    const [platform, tenantId, channelId, messageId] = part.split(':');
    if ((platform !== 'slack' && platform !== 'discord') || !tenantId || !channelId || !messageId) return [];
    return [{ tenant: { platform, id: tenantId } as Tenant, channelId, messageId }];
  });
  return { home, parts };
}

const samePlace = (a: Tenant, b: Tenant) => a.platform === b.platform && a.id === b.id;
/** Each place's copy of a message lands once too: its own delivery key. */
const keyedFor = (message: OutboundMessage, place: Tenant): OutboundMessage =>
  message.key ? { ...message, key: `${message.key}@${place.id}` } : message;

/**
 * The messenger of communities in several places (`link`): what a community posts in its home channel is
 * posted in each place's channel too; a direct message goes to the person where they are (by their id's
 * platform; between two workspaces of one platform, at home first, then in the places); a message edited or
 * answered in a thread is edited or answered wherever it was posted, while the place is still linked. A
 * place that refuses for good (the channel gone, the bot removed) does not hold back the home. Without
 * places, every call is the platform's own, after one read of the home's places (none is remembered a while).
 */
export function linkedMessenger(inner: Messenger, links: () => Promise<LinkStore>, log?: Logger): Messenger {
  const placesOf = async (tenant: Tenant) => (await links()).places(tenant);
  /** The message as `target` shows it: people of the other platform by their id here or their name (none without places). */
  const drawn = async (message: OutboundMessage, target: Tenant, home: Tenant) => {
    const places = await placesOf(home);
    if (places.length === 0) return message;
    const nameOf = inner.nameOf?.bind(inner);
    return drawnFor(message, target, home, places, await links(), nameOf);
  };
  const homeChannelPlaces = async (tenant: Tenant, channelId: string) =>
    (await placesOf(tenant)).filter((link) => link.home.communityId === channelId);
  const stillLinked = async (tenant: Tenant, parts: readonly Part[]) => {
    if (parts.length === 0) return [];
    const places = await placesOf(tenant);
    return parts.filter((part) => places.some((link) => samePlace(link.place.tenant, part.tenant)));
  };
  /** A place's refusal for good is logged and passed over; anything else is tried again with the whole delivery. */
  const inPlace = async <T>(link: Pick<PlaceLink['place'], 'tenant'>, work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!isUndeliverable(error)) throw error;
      log?.warn('a linked place refused a message', {
        place: link.tenant.id,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  };
  /** Who a direct message goes through: the place of the person's platform, else (same platform) home, then its places. */
  const toMember = async <T>(tenant: Tenant, memberId: string, send: (via: Tenant, id: string) => Promise<T>): Promise<T> => {
    // Someone known on both platforms is written to on the one they chose.
    const places = await placesOf(tenant);
    const person = places.length > 0 ? await (await links()).person(tenant, memberId) : undefined;
    if (person && person.dmOn !== platformOfUser(memberId)) {
      const there = places.find((link) => link.place.tenant.platform === person.dmOn);
      if (there) return send(there.place.tenant, person.alias);
    }
    return toId(tenant, memberId, (via) => send(via, memberId));
  };
  /** A direct message drawn for the platform it goes through. */
  const toMemberDrawn = <T>(
    tenant: Tenant,
    memberId: string,
    message: OutboundMessage,
    send: (via: Tenant, id: string, m: OutboundMessage) => Promise<T>,
  ) => toMember(tenant, memberId, async (via, id) => send(via, id, await drawn(message, via, tenant)));
  const toId = async <T>(tenant: Tenant, memberId: string, send: (via: Tenant) => Promise<T>): Promise<T> => {
    const platform = platformOfUser(memberId);
    if (platform !== tenant.platform) {
      const place = (await placesOf(tenant)).find((link) => link.place.tenant.platform === platform);
      return send(place ? place.place.tenant : tenant);
    }
    try {
      return await send(tenant);
    } catch (error) {
      if (!isUndeliverable(error)) throw error;
      const places = (await placesOf(tenant)).filter((link) => link.place.tenant.platform === platform);
      for (const link of places) {
        const sent = await send(link.place.tenant).catch((again: unknown) => {
          if (!isUndeliverable(again)) throw again;
          return undefined;
        });
        if (sent !== undefined) return sent;
      }
      throw error;
    }
  };

  return {
    postInChannel: async (tenant, channelId, message) => {
      const posted = await inner.postInChannel(tenant, channelId, await drawn(message, tenant, tenant));
      const places = await homeChannelPlaces(tenant, channelId);
      if (places.length === 0) return posted;
      const parts: Part[] = [];
      for (const link of places) {
        const copy = await inPlace(link.place, async () =>
          inner.postInChannel(
            link.place.tenant,
            link.place.channelId,
            keyedFor(await drawn(message, link.place.tenant, tenant), link.place.tenant),
          ),
        );
        if (copy) parts.push({ tenant: link.place.tenant, channelId: link.place.channelId, messageId: copy.messageId });
      }
      return { messageId: placedId(posted.messageId, parts) };
    },
    postInThread: async (tenant, channelId, messageId, message) => {
      const { home, parts } = placedParts(messageId);
      const answered = await inner.postInThread(tenant, channelId, home, await drawn(message, tenant, tenant));
      for (const part of await stillLinked(tenant, parts))
        await inPlace(part, async () =>
          inner.postInThread(part.tenant, part.channelId, part.messageId, keyedFor(await drawn(message, part.tenant, tenant), part.tenant)),
        );
      return answered;
    },
    updateMessage: async (tenant, channelId, messageId, message) => {
      const { home, parts } = placedParts(messageId);
      await inner.updateMessage(tenant, channelId, home, await drawn(message, tenant, tenant));
      for (const part of await stillLinked(tenant, parts))
        await inPlace(part, async () =>
          inner.updateMessage(part.tenant, part.channelId, part.messageId, await drawn(message, part.tenant, tenant)),
        );
    },
    // The board is pinned where it is kept: its home copy (the places' copies are redrawn with it).
    pin: async (tenant, channelId, messageId, on) => inner.pin?.(tenant, channelId, placedParts(messageId).home, on),
    postFiles: async (tenant, channelId, message, files) => {
      if (!inner.postFiles) throw new Error('no file uploads to a channel on this platform');
      await inner.postFiles(tenant, channelId, await drawn(message, tenant, tenant), files);
      for (const link of await homeChannelPlaces(tenant, channelId))
        await inPlace(link.place, async () =>
          inner.postFiles?.(
            link.place.tenant,
            link.place.channelId,
            keyedFor(await drawn(message, link.place.tenant, tenant), link.place.tenant),
            files,
          ),
        );
    },
    // A Home view is the person's own, on their own platform (Slack's Home tab).
    ...(inner.publishHome
      ? {
          publishHome: (tenant: Tenant, userId: string, view: { readonly blocks: readonly Block[] }) =>
            toId(tenant, userId, (via) => (inner.publishHome as NonNullable<Messenger['publishHome']>)(via, userId, view)),
        }
      : {}),
    // An answer given later goes back where it was asked, drawn for that platform (people of the other by name).
    ...(inner.answerInteraction
      ? {
          answerInteraction: async (tenant: Tenant, target: InteractionTarget, message: OutboundMessage) =>
            (inner.answerInteraction as NonNullable<Messenger['answerInteraction']>)(tenant, target, await drawn(message, tenant, tenant)),
        }
      : {}),
    ...(inner.scheduledEvents ? { scheduledEvents: inner.scheduledEvents } : {}),
    notifyMember: (tenant, memberId, message) => toMemberDrawn(tenant, memberId, message, (via, id, m) => inner.notifyMember(via, id, m)),
    sendFiles: (tenant, memberId, message, files) =>
      toMemberDrawn(tenant, memberId, message, (via, id, m) => inner.sendFiles(via, id, m, files)),
    openGroup: async (tenant, memberIds, place) => {
      // One conversation holds people of one platform: a group across two is introduced by direct messages instead.
      if (!inner.openGroup || memberIds.some((id) => platformOfUser(id) !== tenant.platform))
        throw Object.assign(new Error('a group across platforms has no one conversation'), { permanent: true });
      return inner.openGroup(tenant, memberIds, place);
    },
  };
}
