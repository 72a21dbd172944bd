import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tests: child processes (the CLI as users start it, its kill and locale tests), a real
 * browser (Chromium) and LibreOffice. Everything else is `unit`: in-process, no program of its own.
 */
const E2E = [
  'test/batch/batch.test.ts',
  'test/cli/launcher.test.ts',
  'test/html/browser.test.ts',
  'test/import/commands.test.ts',
  'test/model/template-override.test.ts',
  'test/robustness/cli.test.ts',
  'test/robustness/locale-determinism.test.ts',
  'test/robustness/publish-kill.test.ts',
  'test/watch/watch.test.ts',
  'test/write/cli-errors.test.ts',
  'test/write/random-kill.test.ts',
  'test/xlsx/libreoffice.test.ts',
];

/** What both projects share (the root's globalSetup is not among them: it runs once for the whole run). */
const shared = {
  setupFiles: ['test/setup/each-file.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Test files share a worker thread and its loaded modules instead of each loading the pipeline, pdfmake,
  // ExcelJS and pdfjs again (that alone took a third of the run). Tests must therefore leave no state
  // behind: no process.chdir (not allowed in threads anyway), timers restored, temp folders through
  // test/helpers/temp-dirs.ts or removed by the file itself.
  pool: 'threads',
  isolate: false,
} as const;

export default defineConfig(({ mode }) => ({
  test: {
    // A private temp folder for the run, checked for leftovers at its end; with `--mode full` (npm test),
    // the type check alongside the tests; the seed years built once for every test (see each file).
    // Defined here only: a project would run its own copy.
    globalSetup: ['test/setup/temp-folders.ts', ...(mode === 'full' ? ['test/setup/type-check.ts'] : []), 'test/setup/seed-build.ts'],
    // `it.only` left in a test file fails the run instead of silently running that test alone.
    allowOnly: false,
    // Two cores: the e2e tests' child processes use one while their worker waits, so a third worker keeps
    // both busy (vitest's default is one worker less than the cores).
    maxWorkers: 3,
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts', 'src/**/*.test.ts'], exclude: E2E } },
      // Sorted before `unit` (vitest starts projects in name order): the long child processes start first
      // and the unit files fill the gaps. A process per worker (forks), so that test/helpers/in-folder.ts
      // may run the command line in an office's folder (worker threads cannot change the working folder).
      { test: { ...shared, name: 'e2e', include: E2E, pool: 'forks' } },
    ],
  },
}));
