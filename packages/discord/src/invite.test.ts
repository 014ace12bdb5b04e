import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { inviteUrl, neededPermissions, serverEventsPermission } from './invite.ts';

describe('invite', () => {
  it('pins each permission to discord-api-types', () => {
    for (const [name, bit] of Object.entries(neededPermissions))
      expect(PermissionFlagsBits[name as keyof typeof PermissionFlagsBits], name).toBe(bit);
  });

  it('asks for the bot and the slash commands with exactly those permissions', () => {
    const url = new URL(inviteUrl('111111111111111111'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('111111111111111111');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const bits = BigInt(url.searchParams.get('permissions') ?? '0');
    expect(bits).toBe(Object.values(neededPermissions).reduce((a, b) => a | b, 0n));
    // Nothing administrative: no Administrator, Manage Server or Manage Messages.
    for (const bit of [PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageGuild, PermissionFlagsBits.ManageMessages])
      expect(bits & bit).toBe(0n);
    // Manage Events only when a leader turns server events on.
    expect(bits & PermissionFlagsBits.ManageEvents).toBe(0n);
  });

  it('asks for Manage Events too in the link given when server events are turned on', () => {
    expect(serverEventsPermission.ManageEvents).toBe(PermissionFlagsBits.ManageEvents);
    const bits = BigInt(new URL(inviteUrl('111111111111111111', serverEventsPermission)).searchParams.get('permissions') ?? '0');
    expect(bits).toBe(Object.values(neededPermissions).reduce((a, b) => a | b, 0n) | PermissionFlagsBits.ManageEvents);
  });
});
