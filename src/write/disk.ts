/**
 * Every file-system operation of a publish goes through `Disk`, for two reasons:
 *   - each one is a named step (`write:…`, `fsync:…`, `rename:a→b`, `remove:…`, `fsync-dir:…`, …) that a
 *     test can stop the publish at, as a kill would, or make fail with an errno, as a full disk or a file
 *     open in a viewer would (StepHook);
 *   - a failure is turned into a message the user can act on (`PublishError`, in Chinese, naming the
 *     file and what to do), never a stack trace: environment problems are the user's to fix.
 * Paths are always inside the output folder: callers build them from names that file-names.ts accepts.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';

/**
 * Called with the name of each step before it runs. A hook that throws an Error with an errno `code`
 * (EPERM, ENOSPC …) makes that operation fail so, and the publish handles it like the real failure.
 * Anything else it throws stands for the process being killed there: the publish stops at once and
 * cleans up nothing, exactly as after a kill -9, and the thrown value comes out of the publish unchanged.
 */
export type StepHook = (step: string) => void;

/** A problem with the output folder the user can fix (disk full, file open, no permission …), in Chinese. */
export class PublishError extends Error {
  override name = 'PublishError';
}

/** What a hook threw to stand for a kill: passed up untouched by every clean-up on the way. */
export class SimulatedKill {
  constructor(readonly thrown: unknown) {}
}

export const isErrno = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';

/** How a path is shown to the user: relative to the working folder when inside it, with “/”. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  const text = !rel ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return text.split(sep).join('/');
}

/** A failed operation, with the path a user would recognise (the published file, not its staged copy). */
interface Failure {
  error: NodeJS.ErrnoException;
  /** The file or folder the message names. */
  target: string;
  /** True when the target is a published file being replaced or removed (an open file is the usual cause). */
  replacing: boolean;
}

const failures = new WeakMap<object, Failure>();

export class Disk {
  constructor(
    /** The output folder (output/2024): where every path of this publish lies. */
    readonly dir: string,
    private readonly hook: StepHook = () => {},
  ) {}

  private rel = (path: string) => relative(this.dir, path).split(sep).join('/') || '.';

  /** Runs one named step; a failure remembers which file the user should hear about. */
  private run<T>(step: string, target: string, replacing: boolean, op: () => T): T {
    try {
      try {
        this.hook(step);
      } catch (e) {
        if (!isErrno(e)) throw new SimulatedKill(e);
        throw e;
      }
      return op();
    } catch (e) {
      if (isErrno(e) && !failures.has(e)) failures.set(e, { error: e, target, replacing });
      throw e;
    }
  }

  /** A named point between operations (journal written, archive made …), for tests to stop at. */
  mark(step: string): void {
    this.run(step, this.dir, false, () => undefined);
  }

  /** Writes a new file and flushes it to disk, so a later rename never exposes a hollow file. */
  writeDurable(path: string, bytes: Buffer | string, target = this.dir): void {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    // 'wx': a fresh file, never through whatever (a link, say) might already stand at that path.
    const fd = this.run(`create:${this.rel(path)}`, target, false, () => openSync(path, 'wx'));
    try {
      this.run(`write:${this.rel(path)}`, target, false, () => {
        let written = 0;
        while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
      });
      this.run(`fsync:${this.rel(path)}`, target, false, () => fsyncSync(fd));
    } finally {
      closeSync(fd);
    }
  }

  /** A copy of an existing file, flushed: a hard link when `link` (no extra space), else real bytes. */
  copyDurable(from: string, to: string, options: { link?: boolean } = {}): void {
    if (options.link) {
      try {
        this.run(`link:${this.rel(from)}→${this.rel(to)}`, to, false, () => linkSync(from, to));
        return;
      } catch (e) {
        if (e instanceof SimulatedKill) throw e;
        // A file system without hard links (FAT, some shares): copy instead.
      }
    }
    this.run(`copy:${this.rel(from)}→${this.rel(to)}`, this.dir, false, () => copyFileSync(from, to));
    this.run(`fsync:${this.rel(to)}`, this.dir, false, () => {
      const fd = openSync(to, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
  }

  /** Atomic replace within one file system; `to` is named in messages when it is a published file. */
  rename(from: string, to: string, options: { replacing?: boolean } = {}): void {
    this.run(`rename:${this.rel(from)}→${this.rel(to)}`, to, options.replacing ?? false, () => renameSync(from, to));
  }

  remove(path: string, options: { replacing?: boolean } = {}): void {
    this.run(`remove:${this.rel(path)}`, path, options.replacing ?? false, () => rmSync(path, { recursive: true, force: true }));
  }

  mkdir(path: string, options: { parents?: boolean } = {}): void {
    this.run(`mkdir:${this.rel(path)}`, path, false, () => mkdirSync(path, { recursive: options.parents ?? false }));
  }

  /** Flushes a folder's entries (the renames in it). Windows cannot open a folder: there it is skipped. */
  fsyncDir(path: string): void {
    this.run(`fsync-dir:${this.rel(path)}`, path, false, () => {
      let fd: number;
      try {
        fd = openSync(path, 'r');
      } catch (e) {
        if (process.platform === 'win32') return;
        throw e;
      }
      try {
        fsyncSync(fd);
      } catch (e) {
        // Some file systems (and Windows) refuse to fsync a folder; the renames are still atomic.
        if (!isErrno(e) || !['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes(e.code!)) throw e;
      } finally {
        closeSync(fd);
      }
    });
  }

  /** A regular file's bytes (never through a link); undefined when there is none. Not a step. */
  read(path: string): Buffer | undefined {
    try {
      return isFile(path) ? readFileSync(path) : undefined;
    } catch (e) {
      if (isErrno(e) && !failures.has(e)) failures.set(e, { error: e, target: path, replacing: false });
      throw e;
    }
  }
}

/** A regular file, not a link (a link could lead out of the output folder). */
export const isFile = (path: string) => kind(path) === 'file';
export const isDir = (path: string) => kind(path) === 'dir';

export function kind(path: string): 'file' | 'dir' | 'link' | 'other' | undefined {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    if (isErrno(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
  return st.isSymbolicLink() ? 'link' : st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
}

/**
 * The output folder itself is the user's choice and may be a link (to a share, say): it is followed.
 * Everything inside it is checked with `kind`, which never follows a link.
 */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The first part of `path` that exists and is not a folder (a file where a folder should be), if any. */
export function fileInTheWay(path: string): string | undefined {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  try {
    return statSync(p).isDirectory() ? undefined : p;
  } catch {
    return undefined;
  }
}

const LEFT_AS_IT_WAS = '本次没有发布，原有文件保持不变。';

/**
 * The Chinese message for a failed file operation, or undefined when the error is not one the user can
 * fix (a bug: it stays an internal error).
 */
export function explain(e: unknown, dir: string, after = LEFT_AS_IT_WAS): string | undefined {
  if (!isErrno(e)) return undefined;
  const f = failures.get(e) ?? { error: e, target: e.path ?? dir, replacing: false };
  // The publisher's own hidden files (.juesuan/…, the lock) mean nothing to the user: name the folder.
  const target = relative(dir, f.target).startsWith('.') && !relative(dir, f.target).startsWith('..') ? dir : f.target;
  const name = basename(target);
  const folder = `${shown(dir)}/`;
  switch (e.code) {
    case 'EPERM':
    case 'EBUSY':
      if (f.replacing)
        return `无法替换 ${shown(target)}：这个文件正被其他程序打开（例如 PDF 阅读器、Excel 或 WPS），或不允许修改。请先关闭正在打开的 ${name} 后重新发布。${after}`;
      return `不允许写入 ${shown(target)}（${e.code}）：文件或文件夹被设为只读、被其他程序占用，或没有权限。请检查后重新发布，或用 --out=其他目录 发布到别处。${after}`;
    case 'EACCES':
      return `没有权限写入 ${shown(target)}。请检查这个${f.replacing ? '文件' : '文件夹'}的权限（是否只读、是否属于别的用户），或用 --out=其他目录 发布到有写入权限的文件夹。${after}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘空间不足，无法写入 ${folder}。请清理磁盘（或换一个空间足够的输出目录：--out=其他目录）后重新发布。${after}`;
    case 'EROFS':
      return `${folder} 所在的磁盘是只读的（例如写保护的 U 盘、光盘或只读的网络共享），无法写入。请改用可以写入的输出目录：--out=其他目录。${after}`;
    case 'ENOTDIR':
    case 'EEXIST':
    case 'EISDIR': {
      const file = fileInTheWay(dir);
      if (file) return `输出目录 ${shown(file)} 是一个文件，不是文件夹。请把这个文件移走或改名，或用 --out=其他目录 指定输出目录。${after}`;
      if (e.code === 'EISDIR') return `${shown(target)} 是一个文件夹，而发布需要在这里写入文件。请把它移走或改名后重新发布。${after}`;
      return `无法在 ${shown(target)} 处写入（${e.code}）：这里已有同名的文件或文件夹。请检查 ${folder} 后重新发布。${after}`;
    }
    case 'ENAMETOOLONG':
      return `路径过长，无法写入 ${shown(target)}。请把输出目录放在较短的路径下（例如 --out=D:/决算公开），或缩短部门名称、报告标题。${after}`;
    case 'EIO':
      return `读写 ${shown(target)} 时磁盘出错（EIO）。请检查磁盘、U 盘或网络共享是否正常，然后重新发布。${after}`;
    case 'EMFILE':
    case 'ENFILE':
      return `系统打开的文件过多，无法写入 ${folder}。请关闭一些程序后重新发布。${after}`;
    case 'ELOOP':
      return `${shown(target)} 是循环的链接，无法写入。请把它删除后重新发布。${after}`;
    default:
      return undefined;
  }
}
