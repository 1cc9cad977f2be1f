import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Polled conditions wait on other processes (the sandbox's consumers, a browser); on two shared cores that can
    // take seconds, and a longer limit only delays a failure, it never lets a wrong value pass.
    expect: { poll: { timeout: 10_000 } },
    env: {
      // The SDK's notice that Node 20 support ends says nothing about the code under test; printed once per worker
      // it buries what does.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // Powertools then logs through the global console, where a test that expects an error can assert it
      // instead of printing it.
      POWERTOOLS_DEV: 'true',
      POWERTOOLS_METRICS_DISABLED: 'true',
    },
  },
});
