import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // A private temp folder for the run, checked for leftovers at its end (see the file).
    globalSetup: ['test/setup/temp-folders.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
