import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Runs the project's linter on a short-lived probe file placed where the rule applies. */
function lint(dir: string, source: string) {
  const path = `${dir}/boundary-probe-${randomUUID().slice(0, 8)}.ts`;
  writeFileSync(path, source);
  try {
    const result = spawnSync('npx', ['biome', 'lint', '--colors=off', path], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(path, { force: true });
  }
}

describe('dependency rule', () => {
  it('fails lint when core imports an adapter, hono or the AWS SDK', () => {
    for (const module of ['hono', '@aws-sdk/client-dynamodb', '@slack/bolt', 'discord.js', '@organizer/slack']) {
      const { status, output } = lint('packages/core/src', `import x from '${module}';\nexport const y = x;\n`);
      expect(status, module).not.toBe(0);
      expect(output).toContain('noRestrictedImports');
    }
  });

  it('fails lint when an adapter imports another adapter', () => {
    const { status } = lint('packages/slack/src', `import { x } from '@organizer/discord';\nexport const y = x;\n`);
    expect(status).not.toBe(0);
  });

  it('lets core import zod', () => {
    const { status, output } = lint('packages/core/src', `import { z } from 'zod';\nexport const y = z.string();\n`);
    expect(output).not.toContain('noRestrictedImports');
    expect(status).toBe(0);
  });
});
