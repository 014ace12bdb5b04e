import { type Locale, locales, type Profile, type Tenant } from '@organizer/core';
import { tenantKey } from '../keys.ts';

/**
 * A person's own settings across a tenant's communities (`PROFILE#<user>` in the tenant's partition):
 * the language they chose, and the one their platform last reported. Not a community's data: erasing a
 * community leaves it.
 */
export const PROFILE_PREFIX = 'PROFILE#';
export const profileKey = (tenant: Tenant, userId: string) => ({ pk: tenantKey(tenant), sk: `${PROFILE_PREFIX}${userId}` });

const asLocale = (value: unknown): Locale | undefined =>
  typeof value === 'string' && (locales as readonly string[]).includes(value) ? (value as Locale) : undefined;

export function fromProfileItem(item: Record<string, unknown>): Profile {
  const locale = asLocale(item.locale);
  const seenLocale = asLocale(item.seenLocale);
  return {
    userId: String(item.userId),
    ...(locale ? { locale } : {}),
    ...(seenLocale ? { seenLocale } : {}),
    ...(typeof item.seenAt === 'string' ? { seenAt: item.seenAt } : {}),
    ...(typeof item.homeAt === 'string' ? { homeAt: item.homeAt } : {}),
  };
}
