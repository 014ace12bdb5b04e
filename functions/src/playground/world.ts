import type { Installation, Installations, Tenant } from '@organizer/core';

/** A person of the playground; the first of each workspace is its admin (Slack) or has Manage Server (Discord). */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly admin: boolean;
  /** The id of the app's direct-message conversation with them (Slack's D…, Discord's DM channel). */
  readonly dm: string;
}

export interface PlaygroundSpace {
  readonly id: string;
  readonly name: string;
  readonly channels: readonly { readonly id: string; readonly name: string }[];
}

export interface PlaygroundPlatform {
  readonly spaces: readonly PlaygroundSpace[];
  readonly users: readonly PlaygroundUser[];
}

/**
 * The playground's own workspaces and guilds, people and channels. Only these can be signed by the
 * playground, and only these are answered by its sandboxed Web APIs: real tenants are never touched.
 */
export const world: { readonly slack: PlaygroundPlatform; readonly discord: PlaygroundPlatform } = {
  slack: {
    spaces: [
      {
        id: 'TPLAYGREEN',
        name: 'Green Street Tenants',
        channels: [
          { id: 'CPLAYGENERAL', name: 'general' },
          { id: 'CPLAYORGANIZE', name: 'organizing' },
        ],
      },
      { id: 'TPLAYHARBOUR', name: 'Harbour Club', channels: [{ id: 'CPLAYDOCKS', name: 'docks' }] },
    ],
    users: [
      { id: 'UPLAYANA', name: 'Ana', admin: true, dm: 'DPLAYANA' },
      { id: 'UPLAYBEN', name: 'Ben', admin: false, dm: 'DPLAYBEN' },
      { id: 'UPLAYCHLOE', name: 'Chloé', admin: false, dm: 'DPLAYCHLOE' },
    ],
  },
  discord: {
    spaces: [
      {
        id: '900000000000000001',
        name: 'Green Street Tenants',
        channels: [
          { id: '900000000000000101', name: 'general' },
          { id: '900000000000000102', name: 'organizing' },
        ],
      },
      { id: '900000000000000002', name: 'Harbour Club', channels: [{ id: '900000000000000201', name: 'docks' }] },
    ],
    users: [
      { id: '900000000000001001', name: 'Ana', admin: true, dm: '800000000000001001' },
      { id: '900000000000001002', name: 'Ben', admin: false, dm: '800000000000001002' },
      { id: '900000000000001003', name: 'Chloé', admin: false, dm: '800000000000001003' },
    ],
  },
};

export const PLAYGROUND_APP_ID = '900000000000000000';
export const PLAYGROUND_BOT_TOKEN = 'playground-bot-token';

export function isPlaygroundTenant(tenant: Tenant): boolean {
  return world[tenant.platform].spaces.some((s) => s.id === tenant.id);
}

/**
 * Playground tenants are installed with the playground's token and call its sandboxed Web APIs on
 * this server (`base` is learned from the page's first request); every other tenant is `inner`'s.
 */
export function playgroundInstallations(inner: Installations, base: () => string | undefined): Installations {
  return {
    forTenant: async (tenant, organization): Promise<Installation | undefined> => {
      const url = base();
      if (!isPlaygroundTenant(tenant) || !url) return inner.forTenant(tenant, organization);
      return {
        botToken: PLAYGROUND_BOT_TOKEN,
        botId: 'BPLAYGROUND',
        botUserId: tenant.platform === 'slack' ? 'UPLAYBOT' : PLAYGROUND_APP_ID,
        apiUrl: tenant.platform === 'slack' ? `${url}/playground/api/slack/` : `${url}/playground/api/discord`,
      };
    },
  };
}
