import type { LinkedPerson, LinkStore, OutboundMessage, PlaceLink, Tenant } from '@organizer/core';
import { describe, expect, it, vi } from 'vitest';
import { drawnFor } from './cross-mentions.ts';

const home: Tenant = { platform: 'slack', id: 'T1' };
const guild: Tenant = { platform: 'discord', id: '600000000000000001' };
const places: PlaceLink[] = [
  {
    home: { tenant: home, communityId: 'C1', name: 'X' },
    place: { tenant: guild, channelId: '8' },
    linkedBy: 'a',
    invitedBy: 'b',
    linkedAt: '',
  },
];
const LEE = 'U0LEE';
const LEE_DISCORD = '700000000000000003';
const DANA = '700000000000000002';
const SAM = 'U0SAM';

/** Lee linked both accounts; nobody else did. */
const links = {
  person: async (_home: Tenant, primary: string) =>
    primary === LEE ? ({ home, communityId: 'C1', primary: LEE, alias: LEE_DISCORD, dmOn: 'slack', at: '' } as LinkedPerson) : undefined,
  sameAs: async (_home: Tenant, id: string) => (id === LEE_DISCORD ? LEE : undefined),
} as unknown as LinkStore;
const message = (text: string): OutboundMessage => ({ text, blocks: [{ type: 'text', text }] });

describe('drawnFor: a message of a community in two places, drawn for one of them', () => {
  it('leaves a message with no one of the other platform as it is, asking nothing', async () => {
    const nameOf = vi.fn();
    const m = message(`<@${SAM}> and <@${LEE}>`);
    expect(await drawnFor(m, home, home, places, links, nameOf)).toBe(m);
    expect(nameOf).not.toHaveBeenCalled();
  });

  it('mentions a linked person by their id on the target platform, both ways', async () => {
    const onDiscord = await drawnFor(message(`<@${LEE}> is going`), guild, home, places, links, vi.fn());
    expect(onDiscord.text).toBe(`<@${LEE_DISCORD}> is going`);
    const onSlack = await drawnFor(message(`<@${LEE_DISCORD}> is going`), home, home, places, links, vi.fn());
    expect(onSlack.blocks).toEqual([{ type: 'text', text: `<@${LEE}> is going` }]);
  });

  it('shows anyone else by the name their own platform gives, asked of their own workspace or server', async () => {
    const nameOf = vi.fn(async (_tenant: Tenant, id: string) => (id === DANA ? 'Dana <Q>' : 'Sam_O*'));
    const onSlack = await drawnFor(message(`Going: <@${DANA}>, <@${SAM}>`), home, home, places, links, nameOf);
    expect(onSlack.text).toBe(`Going: Dana <Q>, <@${SAM}>`);
    expect(nameOf).toHaveBeenCalledWith(guild, DANA);
    const onDiscord = await drawnFor(message(`Going: <@${DANA}>, <@${SAM}>`), guild, home, places, links, nameOf);
    // Discord passes markdown on: the name's own is escaped.
    expect(onDiscord.text).toBe(`Going: <@${DANA}>, Sam\\_O\\*`);
    expect(nameOf).toHaveBeenCalledWith(home, SAM);
  });

  it('keeps the mention when no name can be had (the platform refused, or there is no name)', async () => {
    const refused = vi.fn(async () => {
      throw new Error('404');
    });
    // (Sam’s name above is remembered for the process: someone never named is asked.)
    expect((await drawnFor(message('<@U0NONAME>!'), guild, home, places, links, refused)).text).toBe('<@U0NONAME>!');
    expect((await drawnFor(message(`<@700000000000000099>`), home, home, places, links, undefined)).text).toBe('<@700000000000000099>');
  });
});
