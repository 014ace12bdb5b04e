import type { LinkedPerson, LinkStore, Messenger, OutboundMessage, PlaceLink, Tenant } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { linkedMessenger, placedId, placedParts } from './linked-messenger.ts';

const home: Tenant = { platform: 'slack', id: 'T1' };
const place: Tenant = { platform: 'discord', id: '600000000000000001' };
const link: PlaceLink = {
  home: { tenant: home, communityId: 'C1', name: 'Riverside' },
  place: { tenant: place, channelId: '800000000000000001' },
  linkedBy: '700000000000000001',
  invitedBy: 'U1',
  linkedAt: '2026-12-01T10:00:00.000Z',
};
const message: OutboundMessage = { text: 'hello', blocks: [], key: 'k1' };

/** The platform side as calls: each one named with where it went, answering ids that count up. */
function recording(refuse: (tenant: Tenant) => boolean = () => false) {
  const calls: string[] = [];
  let n = 0;
  const seen = (what: string, tenant: Tenant, where: string, key?: string) => {
    calls.push(`${what} ${tenant.platform}:${tenant.id} ${where}${key ? ` ${key}` : ''}`);
    if (refuse(tenant)) throw Object.assign(new Error('channel_not_found'), { permanent: true });
  };
  const inner: Messenger = {
    postInChannel: async (tenant, channel, m) => {
      seen('post', tenant, channel, m.key);
      return { messageId: `m${++n}` };
    },
    postInThread: async (tenant, channel, id, m) => {
      seen('thread', tenant, `${channel}/${id}`, m.key);
      return { channelId: channel, messageId: `t${++n}` };
    },
    notifyMember: async (tenant, member) => {
      seen('dm', tenant, member);
      return { channelId: 'D1', messageId: `d${++n}` };
    },
    sendFiles: async (tenant, member) => seen('files', tenant, member),
    updateMessage: async (tenant, channel, id) => seen('update', tenant, `${channel}/${id}`),
    openGroup: async (tenant, members) => {
      seen('group', tenant, members.join(','));
      return { channelId: 'G1' };
    },
  };
  return { inner, calls };
}
const store = (links: PlaceLink[], person?: LinkedPerson) => async () =>
  ({ places: async (t: Tenant) => (t.id === home.id ? links : []), person: async () => person }) as unknown as LinkStore;

describe('a message id across places', () => {
  it('keeps the home id first and each place after it, and reads back what it wrote', () => {
    const id = placedId('1712.0001', [{ tenant: place, channelId: '800', messageId: '900' }]);
    expect(id).toBe('1712.0001|discord:600000000000000001:800:900');
    expect(placedParts(id)).toEqual({ home: '1712.0001', parts: [{ tenant: place, channelId: '800', messageId: '900' }] });
    expect(placedParts('1712.0001')).toEqual({ home: '1712.0001', parts: [] });
  });
});

describe('linkedMessenger', () => {
  it('posts in the home channel and in the place, each copy with its own key, and edits both under one id', async () => {
    const { inner, calls } = recording();
    const m = linkedMessenger(inner, store([link]));
    const { messageId } = await m.postInChannel(home, 'C1', message);
    expect(calls).toEqual(['post slack:T1 C1 k1', 'post discord:600000000000000001 800000000000000001 k1@600000000000000001']);
    await m.updateMessage(home, 'C1', messageId, message);
    await m.postInThread(home, 'C1', messageId, message);
    expect(calls.slice(2)).toEqual([
      'update slack:T1 C1/m1',
      'update discord:600000000000000001 800000000000000001/m2',
      'thread slack:T1 C1/m1 k1',
      'thread discord:600000000000000001 800000000000000001/m2 k1@600000000000000001',
    ]);
  });

  it('posts elsewhere than the home channel, and in a community with no places, as the platform does', async () => {
    const { inner, calls } = recording();
    await linkedMessenger(inner, store([link])).postInChannel(home, 'C7', message);
    await linkedMessenger(inner, store([])).postInChannel(home, 'C1', message);
    expect(calls).toEqual(['post slack:T1 C7 k1', 'post slack:T1 C1 k1']);
  });

  it('sends a direct message on the platform of the person’s id', async () => {
    const { inner, calls } = recording();
    const m = linkedMessenger(inner, store([link]));
    await m.notifyMember(home, '700000000000000002', message);
    await m.notifyMember(home, 'U2', message);
    await m.sendFiles(home, '700000000000000002', message, []);
    expect(calls).toEqual([
      'dm discord:600000000000000001 700000000000000002',
      'dm slack:T1 U2',
      'files discord:600000000000000001 700000000000000002',
    ]);
  });

  it('writes to someone known on both platforms where they chose: their alias there', async () => {
    const { inner, calls } = recording();
    const dana: LinkedPerson = { home, communityId: 'C1', primary: 'U3', alias: '700000000000000003', dmOn: 'discord', at: link.linkedAt };
    await linkedMessenger(inner, store([link], dana)).notifyMember(home, 'U3', message);
    await linkedMessenger(inner, store([link], { ...dana, dmOn: 'slack' })).notifyMember(home, 'U3', message);
    expect(calls).toEqual(['dm discord:600000000000000001 700000000000000003', 'dm slack:T1 U3']);
  });

  it('passes over a place that refuses for good, and stops editing a place once it is unlinked', async () => {
    const { inner, calls } = recording((t) => t.platform === 'discord');
    const linked = linkedMessenger(inner, store([link]));
    const { messageId } = await linked.postInChannel(home, 'C1', message);
    expect(messageId).toBe('m1');
    const { inner: later, calls: after } = recording();
    await linkedMessenger(later, store([])).updateMessage(
      home,
      'C1',
      placedId('m1', [{ tenant: place, channelId: '800', messageId: '9' }]),
      message,
    );
    expect(after).toEqual(['update slack:T1 C1/m1']);
    expect(calls).toHaveLength(2);
  });

  it('has no one conversation for a group across platforms: it is refused for good, so people are introduced by DM', async () => {
    const { inner } = recording();
    await expect(
      linkedMessenger(inner, store([link])).openGroup?.(home, ['U1', '700000000000000002'], { channelId: 'C1', name: 'pair' }),
    ).rejects.toMatchObject({ permanent: true });
  });
});
