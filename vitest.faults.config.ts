import { defineConfig } from 'vitest/config';

// The long fault runs (npm run test:faults): each test starts its own sandbox processes, so no global setup.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.fault.ts'],
    testTimeout: 60_000,
    hookTimeout: 900_000,
    pool: 'forks',
  },
});
