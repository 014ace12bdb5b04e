import type { Installation as Credentials, InstallationRecords, Installations, Sealer, Tenant } from '@organizer/core';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';

const CACHE_MS = 60_000;

/** Which record an install or a lookup is about: the organization for org-wide installs, else the workspace. */
function keyOf(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean;
}): string | undefined {
  return query.isEnterpriseInstall && query.enterpriseId ? query.enterpriseId : (query.teamId ?? query.enterpriseId);
}

/**
 * Slack installations made through OAuth, behind Bolt's `InstallationStore` interface and our
 * `Installations` port. Each is sealed whole (tokens included) before it reaches the table; reads are
 * cached in the process for a minute, and an uninstall clears the cache at once.
 */
export class SlackInstallationStore implements InstallationStore, Installations {
  private readonly cache = new Map<string, { installation: Installation; until: number }>();
  /** Workspaces known to be served by their organization's install (so the link is written once, and read once). */
  private readonly links = new Map<string, { target: string; until: number }>();

  constructor(
    private readonly records: InstallationRecords,
    private readonly sealer: Sealer,
    private readonly now: () => Date,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOf({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall === true,
    });
    if (!key) throw new Error('an installation names neither a workspace nor an organization');
    await this.records.put({
      platform: 'slack',
      key,
      sealed: await this.sealer.seal(JSON.stringify(installation)),
      installedAt: this.now().toISOString(),
      ...(installation.user?.id ? { installerId: installation.user.id } : {}),
    });
    this.cache.delete(key);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = await this.find(query);
    if (!found) throw new Error('no installation for this workspace');
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOf(query);
    if (!key) return;
    this.cache.delete(key);
    this.links.clear();
    const removed = await this.records.remove('slack', key);
    // An uninstall event names the workspace even when the install was the organization's.
    if (!removed && query.enterpriseId && key !== query.enterpriseId) {
      this.cache.delete(query.enterpriseId);
      await this.records.remove('slack', query.enterpriseId);
    }
  }

  /** The installation serving a request: the workspace's own, else its organization's (remembered for outbound calls). */
  async find(query: {
    teamId?: string | undefined;
    enterpriseId?: string | undefined;
    isEnterpriseInstall?: boolean;
  }): Promise<Installation | undefined> {
    const key = keyOf(query);
    const own = key ? await this.read(key) : undefined;
    if (own) return own;
    if (query.teamId && query.enterpriseId && key !== query.enterpriseId) {
      const org = await this.read(query.enterpriseId);
      if (org && this.links.get(query.teamId)?.target !== query.enterpriseId) {
        await this.records.alias('slack', query.teamId, query.enterpriseId);
        this.links.set(query.teamId, { target: query.enterpriseId, until: this.now().getTime() + CACHE_MS });
      }
      return org;
    }
    return undefined;
  }

  /** `Installations`: the bot credentials for outbound calls to a workspace. */
  async forTenant(tenant: Tenant): Promise<Credentials | undefined> {
    if (tenant.platform !== 'slack') return undefined;
    const link = this.links.get(tenant.id);
    let installation = link && link.until > this.now().getTime() ? await this.read(link.target) : await this.read(tenant.id);
    if (!installation) {
      const target = await this.records.aliasOf('slack', tenant.id);
      if (target) this.links.set(tenant.id, { target, until: this.now().getTime() + CACHE_MS });
      installation = target ? await this.read(target) : undefined;
    }
    const bot = installation?.bot;
    return bot ? { botToken: bot.token, botId: bot.id, botUserId: bot.userId } : undefined;
  }

  private async read(key: string): Promise<Installation | undefined> {
    const at = this.now().getTime();
    const cached = this.cache.get(key);
    if (cached && cached.until > at) return cached.installation;
    const record = await this.records.get('slack', key);
    if (!record) return undefined;
    const installation = JSON.parse(await this.sealer.open(record.sealed)) as Installation;
    this.cache.set(key, { installation, until: at + CACHE_MS });
    return installation;
  }
}
