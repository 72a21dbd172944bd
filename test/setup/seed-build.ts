/**
 * The seed years built once for the whole run, exactly as a user builds them: `node src/run.mjs build
 * 2024` and `build 2020` (the esbuild bundle of src/, a fresh process each), published into one temp
 * folder that every test reads instead of rendering the same PDF, workbook and web edition again. The
 * builds run in UTC and the C locale: test/robustness/locale-determinism.test.ts compares what other time
 * zones and locales publish with these files.
 *
 * Running `help` first brings the cached bundle up to date before anything else starts it, so the tests'
 * own child processes never rebuild it at the same moment.
 *
 * Tests read the folder through test/helpers/seed-build.ts (`inject('seedBuild')`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUN = join(ROOT, 'src', 'run.mjs');

/** The environment of the reference builds (and of the first locale variant). */
export const REFERENCE_ENV = { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The output root the seed years were built into: <root>/2024/…, <root>/2020/…. */
    seedBuild: string;
  }
}

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...REFERENCE_ENV };
    delete env.LC_COLLATE;
    delete env.LANGUAGE;
    const child = spawn(process.execPath, [RUN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`src/run.mjs ${args.join(' ')}: exit ${code}\n${stderr}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  // Inside the run's private temp folder (test/setup/temp-folders.ts runs first).
  const root = mkdtempSync(join(tmpdir(), 'juesuan-seed-build-'));
  const teardown = () => rmSync(root, { recursive: true, force: true });
  try {
    await run(['help']);
    await Promise.all(['2024', '2020'].map((year) => run(['build', year, `--out=${root}`])));
  } catch (err) {
    teardown();
    throw err;
  }
  project.provide('seedBuild', root);
  return teardown;
}
