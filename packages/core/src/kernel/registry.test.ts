import { describe, expect, it } from 'vitest';
import { featureList } from '../features.ts';
import type { RegisteredFeature } from './feature.ts';
import { discordSubcommands, features, registerFeatures } from './registry.ts';

const literalOf = (schema: unknown) =>
  (schema as { _zod: { def: { shape: { type: { _zod: { def: { values: unknown[] } } } } } } })._zod.def.shape.type._zod.def.values[0];

describe('the registry of features', () => {
  it('holds every feature of the list, each command answered by exactly the feature that declares it', () => {
    expect(features()).toHaveLength(featureList.length);
    for (const module of features()) {
      const declared = module.commands.map(literalOf).sort();
      expect(Object.keys(module.handlers).sort(), module.id).toEqual(declared);
    }
    const all = features().flatMap((m) => m.commands.map(literalOf));
    expect(new Set(all).size).toBe(all.length);
  });

  it('gives each Slack word, button and modal to one feature only', () => {
    const owners = (pick: (m: RegisteredFeature) => object | undefined) => features().flatMap((m) => Object.keys(pick(m) ?? {}));
    for (const kind of [(m: RegisteredFeature) => m.words, (m: RegisteredFeature) => m.actions, (m: RegisteredFeature) => m.modals]) {
      const keys = owners(kind);
      expect(new Set(keys).size, keys.join(' ')).toBe(keys.length);
    }
  });

  it('keeps Discord’s /community within 25 subcommands per level, each name and option once', () => {
    const subcommands = discordSubcommands();
    // What Discord is sent: a subcommand only read (never listed) does not count against its limit.
    expect(subcommands.filter((s) => !s.unlisted).length).toBeLessThanOrEqual(25);
    expect(new Set(subcommands.map((s) => s.name)).size).toBe(subcommands.length);
    for (const sub of subcommands) {
      expect(sub.subcommands?.length ?? 0, sub.name).toBeLessThanOrEqual(25);
      for (const leaf of sub.subcommands ?? [sub]) {
        const names = (leaf.options ?? []).map((o) => o.name);
        expect(new Set(names).size, `${sub.name} ${leaf.name}`).toBe(names.length);
        expect(leaf.parse, `${sub.name} ${leaf.name}`).toBeTypeOf('function');
      }
    }
  });

  it('refuses two features that answer the same command', () => {
    const [first] = featureList;
    expect(() => registerFeatures([first, first] as unknown as RegisteredFeature[])).toThrow(/Two features answer/);
    registerFeatures(featureList as unknown as RegisteredFeature[]);
  });
});
