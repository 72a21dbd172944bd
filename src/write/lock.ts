/**
 * One publish at a time per output folder. Two people (or two windows) building the same year at once
 * would interleave their renames and leave a folder that is neither version; the second one is told to
 * wait instead.
 *
 * proper-lockfile does the locking: an atomic mkdir of output/<year>/.juesuan.lock (works on local disks
 * and network shares alike, where O_EXCL files and flock do not), the lock kept fresh while held, and
 * removed on exit, Ctrl-C or a closed terminal. A build killed outright (kill -9, power loss) cannot
 * remove it: a lock not refreshed for STALE_MS is taken as abandoned and the next build takes it over.
 * The publish itself holds the lock for well under a second (everything is rendered before), so a live
 * lock never goes stale.
 */
import lockfile from 'proper-lockfile';
import { join } from 'node:path';
import { PublishError, shown } from './disk.ts';

export const LOCK = '.juesuan.lock';
export const STALE_MS = 10_000;

const lockedMessage = (dir: string) =>
  `另一个发布正在写入 ${shown(dir)}/，请等它结束后再试。` +
  `（如果确认没有其他发布在运行——例如上次发布被强行关闭——${STALE_MS / 1000} 秒后即可重新发布。）`;

/** Throws the “another publish is writing” PublishError when someone holds the folder's lock now. */
export function checkNotLocked(dir: string): void {
  if (lockfile.checkSync(dir, { lockfilePath: join(dir, LOCK), realpath: false, stale: STALE_MS }))
    throw new PublishError(lockedMessage(dir));
}

/** Takes the folder's lock (the folder must exist); returns the function that releases it. */
export function acquireLock(dir: string): () => void {
  try {
    return lockfile.lockSync(dir, {
      lockfilePath: join(dir, LOCK),
      realpath: false,
      stale: STALE_MS,
      // Held only during a synchronous publish, so the refresh timer cannot fall behind; if it ever
      // did, the publish has already finished or will be stopped by the next one's checks.
      onCompromised: () => undefined,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new PublishError(lockedMessage(dir));
    }
    // Any other failure is the folder's (read-only, full …): name the folder, not the lock inside it.
    if (typeof (e as NodeJS.ErrnoException).code === 'string') (e as NodeJS.ErrnoException).path = dir;
    throw e;
  }
}
