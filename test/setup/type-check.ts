/**
 * `npm test` type-checks the project (tsc --noEmit, tsconfig.json: src/ and test/) while the tests run,
 * instead of before them: a few seconds of one core that the run's start leaves idle. The run fails when
 * tsc does, with its messages. Only in `vitest run --mode full` (what npm test runs, see vitest.config.ts):
 * a developer running a few test files runs `npm run typecheck` when they want it.
 *
 * Incremental: tsc keeps what it learnt in node_modules/.cache/juesuan-tsc/ and checks again only the
 * files changed since (and those that depend on them) — a third of the CPU of a full check when little
 * changed. A fresh checkout (CI) checks everything.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const BUILD_INFO = join(ROOT, 'node_modules', '.cache', 'juesuan-tsc', 'tsconfig.tsbuildinfo');

export default function setup(): () => Promise<void> {
  const args = [TSC, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', BUILD_INFO];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const done = new Promise<number | string>((resolve) => {
    child.on('error', (err) => resolve(err.message));
    child.on('close', (code, signal) => resolve(code ?? String(signal)));
  });
  return async () => {
    const result = await done;
    if (result !== 0) {
      // Vitest reports an error thrown here but still exits 0; the exit code makes `npm test` fail.
      process.exitCode = 1;
      throw new Error(`类型检查（tsc --noEmit）未通过（${result}）：\n${output.trim()}`);
    }
  };
}
