/**
 * The publisher's own corner of an output folder, and how a publish that was killed is undone.
 *
 * Everything the publisher writes besides the published files lives under names starting with a dot —
 * the work folder .juesuan/ (staging/, archive/, restore/, journal.json) and the lock .juesuan.lock —
 * and no published file name can start with a dot (file-names.ts), so a department called “.tmp-局” or
 * “.juesuan” can never be mistaken for a leftover, nor a leftover for a publication.
 *
 * journal.json is written once the new version is completely staged (and the previous one archived),
 * just before the first published file is replaced. The next build finds it and:
 *   - if manifest.json is already the new one (the commit point was passed): the publish is complete;
 *     only the work folder is removed;
 *   - otherwise: the previous version is put back from its archive in history/ (or, when someone removed
 *     that archive meanwhile, the staged new version is completed instead), files only the new version
 *     has are removed, and the work folder goes.
 * A work folder without a journal is a publish stopped before it changed anything visible: it is removed.
 * The journal is untrusted input too: its file names must be plain names of the folder.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileNameProblem } from '../file-names.ts';
import { type Disk, isDir, isFile, isFolder, kind, PublishError, shown } from './disk.ts';
import { sha256 } from './folder.ts';
import { HISTORY, MANIFEST, printable } from './manifest.ts';

export const WORK = '.juesuan';
export const JOURNAL = 'journal.json';
export const STAGING = 'staging';
const FORMAT = 'juesuan-journal/1';

export interface Journal {
  format: typeof FORMAT;
  /** history/NNN holding the version being replaced, or null for a first publication. */
  archive: string | null;
  /** Files of the previous version (all of them are in the archive). */
  previousFiles: string[];
  /** Files of the new version (all of them staged in .juesuan/staging/ before the journal is written). */
  newFiles: string[];
  /** sha256 of the new manifest.json: when the manifest in place has it, the publish committed. */
  manifest: string;
}

export const serializeJournal = (j: Omit<Journal, 'format'>) => JSON.stringify({ format: FORMAT, ...j }, null, 2) + '\n';

function parseJournal(text: string, path: string): Journal {
  const bad = (why: string) =>
    new PublishError(
      `${shown(path)}（上次中断的发布留下的记录）${why}，发布程序不会按它改动任何文件。请删除 ${shown(join(path, '..'))}/ 文件夹后重新发布。本次没有写入任何文件。`,
    );
  let j: Partial<Journal>;
  try {
    j = JSON.parse(text) as Partial<Journal>;
  } catch {
    throw bad('无法读取');
  }
  if (
    !j ||
    typeof j !== 'object' ||
    j.format !== FORMAT ||
    !Array.isArray(j.previousFiles) ||
    !Array.isArray(j.newFiles) ||
    typeof j.manifest !== 'string'
  )
    throw bad('格式不对');
  if (j.archive !== null && !(typeof j.archive === 'string' && /^history\/\d{3,}$/.test(j.archive)))
    throw bad('中的存档位置不是 history/ 下的编号文件夹');
  for (const name of [...j.previousFiles, ...j.newFiles]) {
    if (fileNameProblem(name) || name === HISTORY) throw bad(`中的文件名「${printable(String(name))}」不是本目录中的文件`);
  }
  return j as Journal;
}

/** Files an older version of this tool left half-written (.tmp-<pid>-<name>) and its journal. */
const LEGACY = (name: string) => /^\.tmp-\d+(-|$)/.test(name) || name === '.publish-journal.json';

/**
 * Finishes or undoes what a killed publish left behind (see the top of this file). Returns what it did,
 * in Chinese, for the terminal (empty when there was nothing to do). Runs under the folder's lock.
 */
export function recover(disk: Disk): string[] {
  const dir = disk.dir;
  if (!isFolder(dir)) return [];
  for (const where of [dir, join(dir, HISTORY)]) {
    if (!isDir(where)) continue;
    for (const name of readdirSync(where)) if (LEGACY(name)) disk.remove(join(where, name));
  }
  const work = join(dir, WORK);
  const workKind = kind(work);
  if (!workKind) return [];
  if (workKind !== 'dir')
    throw new PublishError(
      `${shown(work)} 不是文件夹（是${workKind === 'link' ? '指向其他位置的链接' : '文件'}）；这个名字留给发布程序自己使用。请把它移走后重新发布。本次没有写入任何文件。`,
    );
  const journalPath = join(work, JOURNAL);
  const bytes = disk.read(journalPath);
  if (!bytes) {
    disk.remove(work);
    disk.fsyncDir(dir);
    return ['上次发布在改动任何已发布文件之前中断了，已清理它留下的临时文件。'];
  }
  const journal = parseJournal(bytes.toString('utf8'), journalPath);
  const message = undo(disk, journal);
  disk.remove(journalPath);
  disk.fsyncDir(work);
  disk.remove(work);
  disk.fsyncDir(dir);
  return [message];
}

function undo(disk: Disk, j: Journal): string {
  const dir = disk.dir;
  const manifest = disk.read(join(dir, MANIFEST));
  const staging = join(dir, WORK, STAGING);
  if (manifest && sha256(manifest) === j.manifest) {
    for (const name of j.previousFiles)
      if (!j.newFiles.includes(name) && name !== MANIFEST) disk.remove(join(dir, name), { replacing: true });
    disk.fsyncDir(dir);
    return '上次发布在完成后被中断，新版本已完整发布，只清理了遗留的临时文件。';
  }
  const archive = j.archive && isDir(join(dir, j.archive)) ? j.archive : null;
  if (j.archive && !archive) {
    // The previous version's archive is gone: the staged new version is complete, so finish it instead.
    for (const name of j.newFiles) {
      if (name === MANIFEST) continue;
      if (isFile(join(staging, name))) disk.rename(join(staging, name), join(dir, name), { replacing: true });
    }
    for (const name of j.previousFiles) if (!j.newFiles.includes(name)) disk.remove(join(dir, name), { replacing: true });
    disk.fsyncDir(dir);
    disk.rename(join(staging, MANIFEST), join(dir, MANIFEST), { replacing: true });
    disk.fsyncDir(dir);
    return `上次发布在中途中断，而上一版的存档 ${j.archive}/ 已不存在，无法恢复上一版；已把中断的新版本完整发布。`;
  }
  const restore = join(dir, WORK, 'restore');
  if (!isDir(restore)) disk.mkdir(restore);
  for (const name of j.previousFiles) {
    const saved = disk.read(join(dir, archive!, name));
    const present = disk.read(join(dir, name));
    if (!saved || (present && present.equals(saved))) continue;
    disk.copyDurable(join(dir, archive!, name), join(restore, name));
    disk.rename(join(restore, name), join(dir, name), { replacing: true });
  }
  for (const name of j.newFiles) if (!j.previousFiles.includes(name)) disk.remove(join(dir, name), { replacing: true });
  disk.fsyncDir(dir);
  return archive ? `上次发布在中途中断，已从 ${archive}/ 恢复为中断前的版本。` : '上次发布在中途中断，已撤销未完成的写入。';
}
