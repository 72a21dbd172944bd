import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The end-to-end tests: child processes (the CLI as users start it, its kill and locale tests), a real
 * browser (Chromium) and LibreOffice. Everything else is in-process, no program of its own
 * (`npm run test:unit` runs only those). Longest first: they start the run (see E2EFirst).
 */
const E2E = [
  'test/batch/batch.test.ts',
  'test/watch/watch.test.ts',
  'test/html/browser.test.ts',
  'test/xlsx/libreoffice.test.ts',
  'test/write/cli-errors.test.ts',
  'test/robustness/locale-determinism.test.ts',
  'test/robustness/publish-kill.test.ts',
  'test/cli/launcher.test.ts',
  'test/model/template-override.test.ts',
  'test/robustness/cli.test.ts',
  'test/write/random-kill.test.ts',
  'test/import/commands.test.ts',
];

/**
 * The end-to-end files first, longest first: their child processes keep a core busy while their worker
 * waits, and the in-process files fill the gaps and the end. The rest in vitest's own order (slowest of
 * the last run first).
 */
class E2EFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = E2E.findIndex((e) => f.moduleId.endsWith(`/${e}`));
      return i === -1 ? E2E.length : i;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig(({ mode }) => ({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...(mode === 'unit' ? E2E : [])],
    // A private temp folder for the run, checked for leftovers at its end; with `--mode full` (npm test),
    // the type check alongside the tests; the seed years built once for every test (see each file).
    globalSetup: ['test/setup/temp-folders.ts', ...(mode === 'full' ? ['test/setup/type-check.ts'] : []), 'test/setup/seed-build.ts'],
    setupFiles: ['test/setup/each-file.ts'],
    // `it.only` left in a test file fails the run instead of silently running that test alone.
    allowOnly: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One kind of worker for every file, each a process of its own (forks), so that
    // test/helpers/in-folder.ts may run the command line in an office's folder (worker threads cannot
    // change the working folder). Test files share a worker and its loaded modules instead of each
    // loading the pipeline, pdfmake, ExcelJS and pdfjs again (isolate: false); with one project, the
    // three workers are the only ones that load them (a second project would start workers of its own).
    // Tests must therefore leave no state behind: the working folder and timers restored, temp folders
    // through test/helpers/temp-dirs.ts or removed by the file itself.
    pool: 'forks',
    isolate: false,
    // Two cores: the end-to-end tests' child processes use one while their worker waits, so a third
    // worker keeps both busy (vitest's default is one worker less than the cores).
    maxWorkers: 3,
    sequence: { sequencer: E2EFirst },
    // Transformed modules kept between runs (node_modules/.experimental-vitest-cache/, keyed by each file's
    // content): a warm run skips most of the TypeScript transform (about 5 s of CPU for the whole suite).
    experimental: { fsModuleCache: true },
  },
}));
