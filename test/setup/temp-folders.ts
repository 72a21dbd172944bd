/**
 * Every test cleans up the temporary folders it makes. The whole run gets a private temp folder (TMPDIR,
 * which os.tmpdir() and the child processes the tests start all follow); when the run ends, anything
 * named `juesuan-*` still in it is a test that did not clean up, and the run fails naming it. The
 * private folder itself is then removed, so nothing is left in the system temp folder either way.
 *
 * The folder is in memory when the machine has a RAM disk with room to spare (/dev/shm): the tests
 * publish hundreds of times, and every publish flushes its files to disk (fsync), which a RAM disk
 * answers at once.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** /dev/shm when it has at least 2 GB free (a container's is often 64 MB), else the system temp folder. */
function tempBase(): string {
  try {
    if (existsSync('/dev/shm')) {
      const fs = statfsSync('/dev/shm');
      if (fs.bavail * fs.bsize >= 2 * 1024 ** 3) return '/dev/shm';
    }
  } catch {
    // Not a RAM disk we may use: the system temp folder.
  }
  return tmpdir();
}

export default function setup(): () => void {
  const runTmp = mkdtempSync(join(tempBase(), 'vitest-run-'));
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
