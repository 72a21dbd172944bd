/**
 * Every test cleans up the temporary folders it makes. The whole run gets a private temp folder (TMPDIR,
 * which os.tmpdir() and the child processes the tests start all follow); when the run ends, anything
 * named `juesuan-*` still in it is a test that did not clean up, and the run fails naming it. The
 * private folder itself is then removed, so nothing is left in the system temp folder either way.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const systemTmp = tmpdir();
  const runTmp = mkdtempSync(join(systemTmp, 'vitest-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = runTmp;
  return () => {
    const left = readdirSync(runTmp).filter((name) => name.startsWith('juesuan-'));
    rmSync(runTmp, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (left.length) {
      // Vitest reports an error thrown here but still exits 0; the exit code makes `npm test` fail.
      process.exitCode = 1;
      throw new Error(`测试留下了临时文件夹（每个测试都应删除自己建的临时文件夹）：${left.join('、')}`);
    }
  };
}
