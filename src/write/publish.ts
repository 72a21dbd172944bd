/**
 * Stage 7: publishing a version of output/<year>/ so that nothing is ever lost, nothing outside the
 * folder is ever touched, and the folder never ends up holding two versions at once.
 *
 * What a publish does, in order (each file write is flushed to disk before the next step relies on it):
 *   0. lock       output/<year>/.juesuan.lock (lock.ts): one publish at a time;
 *   1. recover    whatever a killed publish left (journal.ts);
 *   2. read       the folder as untrusted input (folder.ts): the version in place, its damage, history/;
 *                 refuse another department's or year's folder, a manifest naming paths outside it;
 *   3. decide     same outputs → write nothing (or rewrite damaged files: “repaired”); otherwise the next
 *                 version number: one more than the highest recorded anywhere, so numbers are never
 *                 reused even when history/ (or part of it) was deleted by hand — the gap is reported;
 *   4. stage      every file of the new version into .juesuan/staging/ (manifest.json, changes.md too);
 *   5. archive    the version in place is copied to .juesuan/archive/ as it is (a damaged one with
 *                 damaged.md saying what is wrong) and renamed to history/NNN/ — whole or absent;
 *   6. journal    .juesuan/journal.json: from here on, visible files change;
 *   7. switch     the staged files are renamed over the published ones, files the new version lacks are
 *                 removed, then manifest.json is renamed into place: THE COMMIT POINT;
 *   8. clean      the journal and the work folder go.
 *
 * The guarantee. Several files in a folder cannot change in one atomic step (only a rename of one name
 * is atomic), and users open output/2024/<部门>2024年度部门决算.pdf directly, so the files stay there.
 * What holds instead:
 *   - every published file is at every instant a whole file of one version (a rename replaces it);
 *   - nothing visible changes until the new version is completely on disk (staged and flushed) and the
 *     previous one is archived whole in history/NNN/;
 *   - manifest.json is the commit point: while it names version N, every file of version N is either in
 *     the folder or — during the switch — in history/NNN/, byte for byte; once it names N+1, every file
 *     of N+1 is in the folder;
 *   - new files next to an old manifest exist only during step 7, a burst of renames that takes
 *     milliseconds. If the publish fails there (a file open in a viewer, a full disk), it restores the
 *     previous version from the archive itself before reporting the problem; if the process is killed
 *     there, the journal makes the next build on that folder restore it before anything else. Either way
 *     the folder goes back to exactly one whole version: repaired immediately, never left mixed.
 * A failure the user can fix ends in a PublishError that names the file and what to do, with the folder
 * exactly as it was: no staged files, no journal, no new archive, the disk space given back.
 */
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileNameKey, fileNameProblem, safeFileName } from '../file-names.ts';
import {
  Disk,
  explain,
  fileInTheWay,
  isDir,
  isErrno,
  isFile,
  isFolder,
  PublishError,
  shown,
  SimulatedKill,
  type StepHook,
} from './disk.ts';
import { archiveHolds, archiveName, readFolder, readIntact, sha256, versionOf, type Archive, type Folder, type Version } from './folder.ts';
import { JOURNAL, recover, serializeJournal, STAGING, WORK } from './journal.ts';
import { acquireLock, checkNotLocked } from './lock.ts';
import {
  CHANGES,
  DAMAGED,
  HISTORY,
  MANIFEST,
  RESERVED_NAMES,
  sameOutputs,
  serializeManifest,
  type Manifest,
  type ManifestEntry,
} from './manifest.ts';

export { PublishError, sha256, type StepHook };

export interface OutputFile {
  name: string;
  bytes: Buffer;
}

/** The version a new one follows, as the correction report (changes.md) needs it. */
export interface PreviousVersion {
  version: number;
  /** Where it is archived, relative to the output folder (history/001). */
  archive: string;
  manifest?: Manifest;
  /** One of its files, as published (from the folder or the archive), or undefined when no intact copy exists. */
  read(name: string): Buffer | undefined;
  /** What the report must say besides the changes: version numbers without an archive, a damaged version. */
  notes: string[];
  /** It no longer matched its manifest and was archived as found (history/NNN/damaged.md says how). */
  damaged: boolean;
}

export interface PublishOptions {
  department: string;
  year: number;
  /** The input files and their sha256, recorded in the manifest. */
  inputs: ManifestEntry[];
  /**
   * The correction report, made from the previous version and the new one: the text of changes.md, and
   * documents to publish with it (a 更正说明), recorded in the manifest under `corrections` and kept with
   * the version like changes.md. Called before anything is written (it may throw to stop the publish).
   * What takes time to make (a PDF) is made beforehand for the version previewVersion foresees. The write
   * stage knows nothing of the content.
   */
  changes?: (previous: PreviousVersion, next: { version: number; manifest: Manifest }) => CorrectionReport;
  /** Tests stop or fail the publish at a named step (disk.ts). */
  step?: StepHook;
}

export type CorrectionReport = string | { text: string; files: OutputFile[] };

export interface PublishResult {
  /**
   * first: nothing was in the folder; changed: a new version, the one in place archived; unchanged:
   * nothing written; repaired: same version, damaged files rewritten.
   */
  status: 'first' | 'changed' | 'unchanged' | 'repaired';
  version: number;
  /** Where the version compared with lives (history/001), and its number, when there is one. */
  archive?: string;
  previousVersion?: number;
  changes?: string;
  manifest: Manifest;
  /** Every file written, manifest.json and changes.md included. */
  files: OutputFile[];
  /** Files rewritten by a repair. */
  repaired: string[];
  /** What the terminal should say besides the result: recovery, gaps in the numbering, damage. */
  messages: string[];
}

/** The message for a folder that belongs to another department (also used by the build for old manifests). */
export function otherDepartment(dir: string, theirs: string, ours: string, year: number): string {
  return (
    `输出目录 ${shown(dir)}/ 中已发布的是「${theirs}」的 ${year} 年度文件，而这个年度文件是「${ours}」的。` +
    `一个输出目录只属于一个部门，不能用另一个部门的数据“更正”它。请为「${ours}」指定自己的输出目录，` +
    `例如 npm run build -- <年度文件> --out=output/${safeFileName(ours)}。本次没有写入任何文件。`
  );
}

/**
 * Before the long rendering: the problems with the output folder that would stop the publish anyway —
 * a file where the folder should be, a folder that cannot be written (read-only disk, no permission),
 * another publish holding the lock — so the user hears at once, not after the PDF is laid out. Writes
 * nothing. (The publish checks all of it again: things can change in between.)
 */
export function checkOutputFolder(dir: string): void {
  try {
    const file = fileInTheWay(dir);
    if (file) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR', path: dir });
    let existing = dir;
    while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
    try {
      accessSync(existing, constants.W_OK);
    } catch (e) {
      if (isErrno(e)) e.path = existing;
      throw e;
    }
    if (isFolder(dir)) checkNotLocked(dir);
  } catch (e) {
    const message = e instanceof PublishError ? undefined : explain(e, dir);
    if (message) throw new PublishError(message);
    throw e;
  }
}

/** Publishes `files` as the next version of `dir` (see the top of this file). */
export function publishVersion(dir: string, files: OutputFile[], options: PublishOptions): PublishResult {
  checkNames(files);
  const disk = new Disk(dir, options.step);
  let release: (() => void) | undefined;
  const progress: Progress = { renamed: [], removed: [] };
  try {
    ensureFolder(disk);
    release = acquireLock(dir);
    const messages = recover(disk);
    const folder = readFolder(disk);
    const result = decide(disk, folder, files, options, progress);
    return { ...result, messages: [...messages, ...result.messages] };
  } catch (e) {
    if (e instanceof SimulatedKill) throw e.thrown;
    let after = '本次没有发布，原有文件保持不变。';
    try {
      rollBack(disk, progress);
    } catch (undoError) {
      if (undoError instanceof SimulatedKill) throw undoError.thrown;
      after = `本次没有发布完成，已写入的部分也未能立即撤销（${(undoError as NodeJS.ErrnoException).code ?? (undoError as Error).message}）；下次运行发布时会自动恢复为上一版。`;
    }
    const message = explain(e, dir, after);
    if (message) throw new PublishError(message);
    throw e;
  } finally {
    release?.();
  }
}

/** What a publish has changed so far, so that a failure can undo exactly that. */
interface Progress {
  work?: string;
  /** history/NNN made by this publish (removed again on failure). */
  archiveMade?: string;
  historyMade?: boolean;
  archive?: string;
  previousFiles?: string[];
  journal?: boolean;
  renamed: string[];
  removed: string[];
  committed?: boolean;
}

/** The output folder and its parents; a file in the way or a missing permission is the user's to fix. */
function ensureFolder(disk: Disk): void {
  if (!isFolder(disk.dir)) disk.mkdir(disk.dir, { parents: true });
}

/** The caller's names must be plain, distinct and not the publisher's own: anything else is a bug. */
function checkNames(files: OutputFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const problem =
      fileNameProblem(f.name) ??
      (RESERVED_NAMES.includes(f.name) ? '是发布程序自己的文件名' : undefined) ??
      (seen.has(fileNameKey(f.name)) ? '重复' : undefined);
    if (problem) throw new Error(`发布的文件名「${f.name}」${problem}（应在校验时发现）`);
    seen.add(fileNameKey(f.name));
  }
}

/** What a publish of `files` would do to the folder as it is: nothing, or which new version, after which. */
type Assessment =
  | { kind: 'same'; current: Version; version: number }
  | {
      kind: 'new';
      version: number;
      unsigned: Manifest;
      notes: string[];
      /** The version in place and where it is (or will be) archived. */
      current?: Version;
      archive?: Archive;
      makeArchive: boolean;
      /** What the new version follows, for the correction report. */
      base?: { v: Version; a: Archive; n: number };
    };

/** Reads nothing but the folder given and writes nothing (see publishVersion and previewVersion). */
function assess(disk: Disk, folder: Folder, files: OutputFile[], options: PublishOptions): Assessment {
  const dir = disk.dir;
  const current = folder.current;
  const latest = folder.archives.at(-1);
  checkOwner(dir, current?.manifest ?? latest?.version.manifest, options);

  const outputs = files.map((f) => ({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length }));
  const core: Manifest = { year: options.year, department: options.department, inputs: options.inputs, outputs };
  if (current?.manifest && sameOutputs(current.manifest, core)) return { kind: 'same', current, version: versionOf(current)! };

  // A new version: numbered after the highest recorded anywhere, the one in place archived first.
  const previousNumber = current ? (versionOf(current) ?? folder.highest + 1) : undefined;
  const version = Math.max(folder.highest, previousNumber ?? 0) + 1;
  const notes = gapNotes(folder, version, previousNumber);
  let archive: Archive | undefined;
  let makeArchive = false;
  if (current) {
    const name = archiveName(previousNumber!);
    archive = folder.archives.find((a) => a.name === name);
    if (archive && !archiveHolds(disk, archive, current)) {
      throw new PublishError(
        `${shown(join(dir, name))}/ 已存在，但其中的文件与输出目录中现有的第 ${previousNumber} 版不一致（存档或现有文件被改动过）。` +
          `发布程序不会覆盖任何存档：请核对后把 ${name}/ 移到别处，再重新发布。本次没有写入任何文件。`,
      );
    }
    makeArchive = !archive;
    if (makeArchive && current.damaged.length) {
      notes.push(
        `第 ${previousNumber} 版在存档前已损坏：${current.damaged.map((d) => `${d.file}${d.problem}`).join('；')}。已按现状存入 ${name}/，并在其中的 ${DAMAGED} 中注明。`,
      );
    }
    if (current.unreadable)
      notes.push(`输出目录中原有的 manifest.json 无法读取（${current.unreadable}），原有文件按第 ${previousNumber} 版整体存入 ${name}/。`);
    archive ??= { number: previousNumber!, name, version: current };
  } else if (latest) {
    notes.push(`输出目录中没有已发布的版本（文件可能被删除或移走）；本次与存档中最新的第 ${latest.number} 版（${latest.name}/）比较。`);
  }
  const unsigned: Manifest = { year: core.year, department: core.department, version, inputs: core.inputs, outputs: core.outputs };
  const base =
    current && archive
      ? { v: current, a: archive, n: previousNumber! }
      : latest
        ? { v: latest.version, a: latest, n: latest.number }
        : undefined;
  return {
    kind: 'new',
    version,
    unsigned,
    notes,
    ...(current ? { current } : {}),
    ...(archive ? { archive } : {}),
    makeArchive,
    ...(base ? { base } : {}),
  };
}

/** The version a new one follows, as the correction report sees it. */
function previousVersion(disk: Disk, a: Extract<Assessment, { kind: 'new' }>): PreviousVersion | undefined {
  const base = a.base;
  if (!base) return undefined;
  return {
    version: base.n,
    archive: base.a.name,
    ...(base.v.manifest ? { manifest: base.v.manifest } : {}),
    read: (name) => readIntact(disk, base.v, name, base.a),
    notes: a.notes,
    damaged: a.makeArchive ? !!a.current?.damaged.length : isFile(join(disk.dir, base.a.name, DAMAGED)),
  };
}

/**
 * Finishes or undoes what a killed publish left in the folder (as every publish does first), so that
 * previewVersion sees the version a publish will really follow. Returns what it did, for the terminal.
 */
export function recoverFolder(dir: string): string[] {
  if (!isFolder(dir)) return [];
  const disk = new Disk(dir);
  let release: (() => void) | undefined;
  try {
    release = acquireLock(dir);
    return recover(disk);
  } catch (e) {
    if (e instanceof SimulatedKill) throw e.thrown;
    const message = explain(e, dir, '本次没有发布，原有文件保持不变。');
    if (message) throw new PublishError(message);
    throw e;
  } finally {
    release?.();
  }
}

/**
 * What a publish of `files` would follow and number, read without the lock and without writing: lets
 * the caller prepare a correction report that takes time to make (a PDF) before publishing, and hand it
 * over through `changes`, which then checks it was made for the version the publish really follows.
 * undefined when the publish would change nothing, or when the folder is in a state the publish itself
 * will report.
 */
export function previewVersion(
  dir: string,
  files: OutputFile[],
  options: PublishOptions,
): { previous?: PreviousVersion; version: number } | undefined {
  try {
    const disk = new Disk(dir);
    const a = assess(disk, readFolder(disk), files, options);
    if (a.kind === 'same') return undefined;
    const previous = previousVersion(disk, a);
    return { version: a.version, ...(previous ? { previous } : {}) };
  } catch {
    return undefined;
  }
}

function decide(disk: Disk, folder: Folder, files: OutputFile[], options: PublishOptions, progress: Progress): PublishResult {
  const a = assess(disk, folder, files, options);
  const messages: string[] = [];

  // The same outputs as the version in place: write nothing (not even a timestamp), or repair it.
  if (a.kind === 'same') {
    const { current, version } = a;
    messages.push(...gapNotes(folder, version));
    const repaired = current.damaged.map((d) => d.file);
    if (repaired.length)
      messages.push(
        ...repair(
          disk,
          files.filter((f) => repaired.includes(f.name)),
          progress,
        ),
      );
    return { status: repaired.length ? 'repaired' : 'unchanged', version, manifest: current.manifest!, files, repaired, messages };
  }

  const { version, unsigned, notes, current, archive, makeArchive, base } = a;
  let changes: string | undefined;
  let corrections: OutputFile[] = [];
  const previous = previousVersion(disk, a);
  if (previous && options.changes) {
    const report = options.changes(previous, { version, manifest: unsigned });
    changes = typeof report === 'string' ? report : report.text;
    corrections = typeof report === 'string' ? [] : report.files;
    checkNames([...files, ...corrections]);
  }
  const manifest: Manifest = {
    ...unsigned,
    ...(corrections.length
      ? { corrections: corrections.map((f) => ({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })) }
      : {}),
  };
  const manifestBytes = Buffer.from(serializeManifest(manifest));
  const written: OutputFile[] = [
    ...files,
    ...(changes !== undefined ? [{ name: CHANGES, bytes: Buffer.from(changes) }] : []),
    ...corrections,
    { name: MANIFEST, bytes: manifestBytes },
  ];

  const warnings = switchTo(disk, written, current, makeArchive ? archive : undefined, archive?.name ?? null, progress);
  return {
    status: current ? 'changed' : 'first',
    version,
    ...(base ? { archive: base.a.name, previousVersion: base.n } : {}),
    ...(changes !== undefined ? { changes } : {}),
    manifest,
    files: written,
    repaired: [],
    messages: [...notes, ...warnings],
  };
}

function checkOwner(dir: string, manifest: Manifest | undefined, options: PublishOptions): void {
  if (!manifest) return;
  if (manifest.department !== undefined && manifest.department !== options.department) {
    throw new PublishError(otherDepartment(dir, manifest.department, options.department, manifest.year));
  }
  if (manifest.year !== options.year) {
    throw new PublishError(
      `输出目录 ${shown(dir)}/ 中已发布的是 ${manifest.year} 年度的文件，而这个年度文件是 ${options.year} 年度的。` +
        `请用 --out=其他目录 指定输出目录（结果写到 其他目录/${options.year}/）。本次没有写入任何文件。`,
    );
  }
}

/** Version numbers recorded nowhere any more: said, never filled in. */
function gapNotes(folder: Folder, version: number, previousNumber?: number): string[] {
  const present = new Set<number>([...folder.archives.map((a) => a.number), ...(previousNumber !== undefined ? [previousNumber] : [])]);
  if (folder.current && folder.current.manifest) present.add(versionOf(folder.current)!);
  const missing: number[] = [];
  for (let n = 1; n < version; n++) if (!present.has(n)) missing.push(n);
  if (!missing.length) return [];
  return [
    `第 ${missing.join('、')} 版的存档（${missing.map((n) => `${archiveName(n)}/`).join('、')}）已不存在，可能被删除或移走；` +
      `版本号不会重复使用，${folder.current && previousNumber === undefined ? '现有' : '本次'}为第 ${version} 版。`,
  ];
}

/** Same version, damaged outputs rewritten: each staged, then renamed over (whole or not at all). */
function repair(disk: Disk, files: OutputFile[], progress: Progress): string[] {
  const work = makeWork(disk, progress);
  const staging = join(work, STAGING);
  for (const f of files) disk.writeDurable(join(staging, f.name), f.bytes);
  disk.fsyncDir(staging);
  for (const f of files) disk.rename(join(staging, f.name), join(disk.dir, f.name), { replacing: true });
  progress.committed = true;
  return finish(disk);
}

function makeWork(disk: Disk, progress: Progress): string {
  const work = join(disk.dir, WORK);
  disk.mkdir(work);
  progress.work = work;
  disk.mkdir(join(work, STAGING));
  return work;
}

/**
 * After the commit point: flushes the folder and removes the work folder. The new version is published
 * whatever happens here, so a failure is only reported; the next publish finishes the clean-up (the
 * journal, still there, says the publish committed).
 */
function finish(disk: Disk): string[] {
  const work = join(disk.dir, WORK);
  try {
    disk.fsyncDir(disk.dir);
    disk.mark('committed');
    disk.remove(join(work, JOURNAL));
    disk.fsyncDir(work);
    disk.remove(work);
    disk.fsyncDir(disk.dir);
    disk.mark('done');
    return [];
  } catch (e) {
    if (e instanceof SimulatedKill || !isErrno(e)) throw e;
    return [`新版本已完整发布，但发布程序的临时文件夹 ${shown(work)}/ 未能清理（${e.code}）；下次发布时会自动清理。`];
  }
}

/** Steps 4–8 at the top of this file. */
function switchTo(
  disk: Disk,
  files: OutputFile[],
  current: Version | undefined,
  newArchive: Archive | undefined,
  archive: string | null,
  progress: Progress,
): string[] {
  const dir = disk.dir;
  const work = makeWork(disk, progress);
  const staging = join(work, STAGING);
  for (const f of files) disk.writeDurable(join(staging, f.name), f.bytes);
  disk.fsyncDir(staging);
  disk.fsyncDir(work);
  disk.fsyncDir(dir);
  disk.mark('staged');

  if (newArchive && current) {
    const tmp = join(work, 'archive');
    disk.mkdir(tmp);
    for (const name of current.files) disk.copyDurable(join(current.where, name), join(tmp, name));
    if (current.damaged.length) disk.writeDurable(join(tmp, DAMAGED), damagedReport(newArchive.number, current));
    disk.fsyncDir(tmp);
    const history = join(dir, HISTORY);
    if (!isDir(history)) {
      disk.mkdir(history);
      progress.historyMade = true;
      disk.fsyncDir(dir);
    }
    disk.rename(tmp, join(dir, newArchive.name));
    progress.archiveMade = newArchive.name;
    disk.fsyncDir(history);
    disk.fsyncDir(work);
  }
  disk.mark('archived');

  const previousFiles = current?.files ?? [];
  const newNames = files.map((f) => f.name);
  progress.archive = archive ?? undefined;
  progress.previousFiles = previousFiles;
  const journal = serializeJournal({
    archive,
    previousFiles,
    newFiles: newNames,
    manifest: sha256(files.find((f) => f.name === MANIFEST)!.bytes),
  });
  disk.writeDurable(join(work, `${JOURNAL}.new`), journal);
  disk.rename(join(work, `${JOURNAL}.new`), join(work, JOURNAL));
  progress.journal = true;
  disk.fsyncDir(work);
  disk.mark('journal');

  for (const name of newNames) {
    if (name === MANIFEST) continue;
    disk.rename(join(staging, name), join(dir, name), { replacing: true });
    progress.renamed.push(name);
  }
  for (const name of previousFiles) {
    if (newNames.includes(name)) continue;
    disk.remove(join(dir, name), { replacing: true });
    progress.removed.push(name);
  }
  disk.mark('replaced');
  disk.fsyncDir(dir);
  disk.rename(join(staging, MANIFEST), join(dir, MANIFEST), { replacing: true });
  progress.committed = true;
  return finish(disk);
}

/**
 * Undoes what this publish changed, after a failure before the commit point: the previous version's
 * files come back from its archive (hard links when the archive was made by this publish and goes
 * again, so a full disk is no obstacle), files only the new version has are removed, the archive this
 * publish made and the work folder go.
 */
function rollBack(disk: Disk, p: Progress): void {
  const dir = disk.dir;
  if (!p.work || p.committed) return;
  const touched = [...p.renamed, ...p.removed];
  if (touched.length) {
    const restore = join(p.work, 'restore');
    if (!isDir(restore)) disk.mkdir(restore);
    const previous = new Set(p.previousFiles ?? []);
    for (const name of touched) {
      if (previous.has(name) && p.archive) {
        const saved = disk.read(join(dir, p.archive, name));
        if (!saved || disk.read(join(dir, name))?.equals(saved)) continue;
        disk.copyDurable(join(dir, p.archive, name), join(restore, name), { link: p.archiveMade === p.archive });
        disk.rename(join(restore, name), join(dir, name), { replacing: true });
      } else {
        disk.remove(join(dir, name), { replacing: true });
      }
    }
    disk.fsyncDir(dir);
  }
  if (p.archiveMade) disk.remove(join(dir, p.archiveMade));
  if (p.historyMade) disk.remove(join(dir, HISTORY));
  if (p.archiveMade || p.historyMade) disk.fsyncDir(dir);
  disk.remove(p.work);
  disk.fsyncDir(dir);
}

function damagedReport(number: number, v: Version): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `# 第 ${number} 版存档时已损坏`,
    '',
    '以下文件在存档时与该版 manifest.json 的记录不符。本文件夹按当时的样子保存（缺少的文件无法存档），',
    '因此这一版的存档不是它发布时的原样。',
    '',
    '| 文件 | 问题 |',
    '| --- | --- |',
    ...v.damaged.map((d) => `| ${esc(d.file)} | ${esc(d.problem)} |`),
    '',
  ].join('\n');
}

// ─── Plain files (the year diff's HTML page): no versions, same atomic replace ────────────────────────

/**
 * Writes files into `dir`, each atomically: flushed under a hidden name, then renamed over the old one.
 * A failure the user can fix ends in a PublishError; nothing half-written is left (and what a killed
 * run left is removed by the next one, once it is clearly not another run's work in progress).
 */
export function publish(dir: string, files: OutputFile[]): void {
  const disk = new Disk(dir);
  const staged: string[] = [];
  try {
    ensureFolder(disk);
    removeLeftovers(dir);
    for (const f of files) {
      const tmp = join(dir, `.juesuan-${process.pid}-${sha256(f.name).slice(0, 12)}`);
      rmSync(tmp, { force: true });
      staged.push(tmp);
      disk.writeDurable(tmp, f.bytes, join(dir, f.name));
    }
    files.forEach((f, i) => renameSync(staged[i]!, join(dir, f.name)));
    disk.fsyncDir(dir);
  } catch (e) {
    for (const tmp of staged) rmSync(tmp, { force: true });
    const message = isErrno(e) ? explain(e, dir) : undefined;
    if (message) throw new PublishError(message);
    throw e;
  }
}

/** Staged files of `publish` older than a minute: left by a killed run, never another run's work. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!/^\.juesuan-\d+-[0-9a-f]{12}$/.test(name)) continue;
    const path = join(dir, name);
    if (isFile(path) && Date.now() - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
  }
}
