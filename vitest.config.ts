import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'infra/test/**/*.test.ts', 'tests/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file creates its own table.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
