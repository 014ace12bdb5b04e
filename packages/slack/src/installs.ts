import type { Installation as Credentials, InstallationRecords, Installations, Organization, Sealer, Tenant } from '@organizer/core';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { SlackError } from './errors.ts';

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
    if (!found) throw new SlackError('NOT_INSTALLED');
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

  /**
   * The installation serving a workspace: its own; else the one it is linked to; else, when the request
   * names its organization, the organization's (and the link is written once, for outbound work later).
   */
  async find(query: {
    teamId?: string | undefined;
    enterpriseId?: string | undefined;
    isEnterpriseInstall?: boolean;
  }): Promise<Installation | undefined> {
    const key = keyOf(query);
    if (!key) return undefined;
    const team = query.teamId !== undefined && key === query.teamId ? query.teamId : undefined;
    const at = this.now().getTime();
    const cached = team ? this.links.get(team) : undefined;
    const fresh = cached && cached.until > at ? cached.target : undefined;
    // A workspace known to be served through its organization is not looked up on its own again.
    const own = fresh ? undefined : await this.read(key);
    if (own || !team) return own;
    const linked = fresh ?? (await this.records.aliasOf('slack', team));
    let target = linked;
    let installation = target ? await this.read(target) : undefined;
    if (!installation && query.enterpriseId && query.enterpriseId !== linked) {
      target = query.enterpriseId;
      installation = await this.read(target);
      if (installation) await this.records.alias('slack', team, target);
    }
    if (installation && target && target !== fresh) this.links.set(team, { target, until: at + CACHE_MS });
    return installation;
  }

  /** `Installations`: the bot credentials of a workspace (or an organization), for its requests and outbound calls. */
  async forTenant(tenant: Tenant, organization?: Organization): Promise<Credentials | undefined> {
    if (tenant.platform !== 'slack') return undefined;
    const whole = organization?.whole === true;
    const bot = (
      await this.find({
        teamId: whole ? undefined : tenant.id,
        enterpriseId: organization?.id ?? (whole ? tenant.id : undefined),
        isEnterpriseInstall: whole,
      })
    )?.bot;
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
