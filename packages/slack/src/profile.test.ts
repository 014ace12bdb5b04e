import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { adminCheck } from './admin.ts';
import { profileLookup, sharedUsersInfo } from './profile.ts';

/** A stand-in for the Web API client: `users.info` answers from `answer`, recording what it was asked. */
function fakeClient(answer: (user: string) => Promise<{ user?: Record<string, unknown> }>) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    users: {
      info: async (args: { user: string }) => {
        calls.push(args);
        return answer(args.user);
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('profileLookup', () => {
  let now = Date.parse('2026-12-01T10:00:00Z');
  const clock = () => new Date(now);

  it('reads the locale and zone from users.info with include_locale, remembered five minutes', async () => {
    const lookup = profileLookup({ now: clock });
    const { client, calls } = fakeClient(async (id) => ({ user: { id, locale: 'ru-RU', tz: 'Europe/Moscow' } }));
    expect(await lookup(client, 'T1', 'U1')).toEqual({ locale: 'ru', timezone: 'Europe/Moscow' });
    expect(await lookup(client, 'T1', 'U1')).toEqual({ locale: 'ru', timezone: 'Europe/Moscow' });
    expect(calls).toEqual([{ user: 'U1', include_locale: true }]);
    now += 5 * 60_000;
    await lookup(client, 'T1', 'U1');
    expect(calls).toHaveLength(2);
  });

  it('leaves out a language it does not speak', async () => {
    const lookup = profileLookup({ now: clock });
    const { client } = fakeClient(async () => ({ user: { locale: 'pt-BR', tz: 'America/Sao_Paulo' } }));
    expect(await lookup(client, 'T1', 'U2')).toEqual({ timezone: 'America/Sao_Paulo' });
  });

  it('answers undefined when Slack fails or is slow, and asks again only a minute later', async () => {
    const lookup = profileLookup({ now: clock, timeoutMs: 30 });
    const hanging = fakeClient(() => new Promise(() => undefined));
    expect(await lookup(hanging.client, 'T1', 'U3')).toBeUndefined();
    expect(await lookup(hanging.client, 'T1', 'U3')).toBeUndefined();
    expect(hanging.calls).toHaveLength(1);
    now += 60_000;
    const failing = fakeClient(async () => Promise.reject(new Error('An HTTP protocol error occurred: statusCode = 500')));
    expect(await lookup(failing.client, 'T1', 'U3')).toBeUndefined();
    expect(failing.calls).toHaveLength(1);
  });

  it('shares one users.info call with the admin check, whose deadline counts from that call’s start', async () => {
    let real = Date.now();
    const wall = () => new Date(real);
    const usersInfo = sharedUsersInfo(wall);
    const lookup = profileLookup({ now: wall, usersInfo, timeoutMs: 400 });
    const isAdmin = adminCheck({ now: wall, usersInfo, timeoutMs: 600 });
    const { client, calls } = fakeClient(async () => ({ user: { is_admin: true, locale: 'en-US' } }));
    expect(await lookup(client, 'T1', 'U4')).toEqual({ locale: 'en' });
    expect(await isAdmin(client, 'T1', 'U4')).toBe(true);
    expect(calls).toHaveLength(1);

    const hanging = fakeClient(() => new Promise(() => undefined));
    const started = Date.now();
    real = started;
    expect(await lookup(hanging.client, 'T1', 'U5')).toBeUndefined();
    real = Date.now();
    await expect(isAdmin(hanging.client, 'T1', 'U5')).rejects.toThrow();
    // 400 ms for the language, then only what is left of the admin check's 600 ms: one wait, not the 1000 of two.
    expect(Date.now() - started).toBeLessThan(950);
    expect(hanging.calls).toHaveLength(1);
  });
});
