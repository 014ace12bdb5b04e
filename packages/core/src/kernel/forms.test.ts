import { beforeAll, describe, expect, it } from 'vitest';
import '../features.ts';
import { allForms, commandText, helpEntries, namesWithAliases, platformText, verbsOf } from './forms.ts';
import { en } from './i18n/en.ts';
import { ru } from './i18n/ru.ts';
import { loadLocale } from './i18n/translate.ts';

describe('command registry', () => {
  beforeAll(() => loadLocale('ru'));

  it('names commands in catalogs only through {cmd:…} tokens the registry knows', () => {
    // Every offender at once: a text still writing `/community roles` reads wrong on Discord (`role list`).
    const offenders: string[] = [];
    for (const [name, catalog] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      for (const [key, text] of Object.entries(catalog)) {
        // A bare `/community` exists on both platforms; anything after it must be a token.
        for (const typed of text.match(/`\/community [^`]*`/g) ?? []) offenders.push(`${name} ${key}: ${typed}`);
        for (const [, id] of text.matchAll(/\{cmd:([\w.]+)/g))
          if (!(id && Object.hasOwn(allForms(), id))) offenders.push(`${name} ${key}: {cmd:${id}}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renders a token as each platform types it', () => {
    expect(platformText('See {cmd:roles}.', 'slack')).toBe('See `/community roles`.');
    expect(platformText('See {cmd:roles}.', 'discord')).toBe('See `/community role list`.');
    expect(platformText('{cmd:role.edit Outreach}', 'discord')).toBe('`/community role edit name:Outreach`');
    expect(platformText('{cmd:assign @maria|Outreach|lead}', 'slack')).toBe('`/community assign @maria Outreach lead`');
    expect(platformText('{cmd:assign @maria|Outreach|lead}', 'discord')).toBe('`/community assign user:@maria role:Outreach lead:True`');
    expect(platformText('{cmd:task @maria|Print|friday}', 'discord')).toBe('`/community task user:@maria what:Print due:friday`');
    expect(platformText('{cmd:task @maria|Print}', 'slack')).toBe('`/community task @maria Print`');
    expect(platformText('{cmd:nothing}', 'slack')).toBe('{cmd:nothing}');
  });

  it('shows arguments as … in help', () => {
    expect(commandText('1on1.log', 'slack')).toBe('/community 1on1 log … share');
    expect(commandText('1on1.log', 'discord')).toBe('/community 1on1 action:log user:… share:True');
  });

  it('has a help line for every form a member or leader types, each with a catalog entry', () => {
    for (const entry of helpEntries()) {
      expect(en, entry.form).toHaveProperty(`help.about.${entry.form}`);
      expect(ru, entry.form).toHaveProperty(`help.about.${entry.form}`);
    }
  });

  it('knows the verbs of a command and the Russian words for commands', () => {
    expect(verbsOf('standup')).toEqual(expect.arrayContaining(['set', 'now', 'off', 'join', 'leave', 'holiday', 'report']));
    expect(namesWithAliases()).toContainEqual(['статус', 'status']);
  });
});
