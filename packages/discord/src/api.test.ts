import * as types from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import * as api from './api.ts';

describe('api constants', () => {
  it('match discord-api-types, value for value', () => {
    for (const [group, values] of Object.entries(api)) {
      for (const [name, value] of Object.entries(values)) {
        expect((types as unknown as Record<string, Record<string, number>>)[group]?.[name], `${group}.${name}`).toBe(value);
      }
    }
  });
});
