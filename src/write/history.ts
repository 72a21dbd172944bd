/**
 * Versioned publishing of output/<year>/: a correction never overwrites the previous publication, it
 * moves it to history/<NNN>/ (001, 002, … in order; no clock anywhere) and publishes the new version.
 *
 * Order of operations, and why (a build may be killed at any instant):
 *   1. journal   .publish-journal.json names the version being replaced and the files of the new one.
 *   2. stage     every new file is written and flushed as .tmp-… in output/<year>/.
 *   3. archive   the previous version is copied to history/.tmp-NNN/, checked against its manifest,
 *                and the folder renamed to history/NNN/ — one atomic rename, so an archive is whole or absent.
 *   4. replace   the staged files are renamed over the old ones; old files the new version lacks are removed.
 *   5. commit    manifest.json is renamed into place last: it is the commit point.
 *   6. the journal is removed.
 * Nothing in output/<year>/ is touched before the archive exists (3 before 4), so the previous version
 * always exists whole somewhere. If a build dies in 4–5, the next build finds the journal and the old
 * manifest and rolls output/<year>/ back to the previous version from its archive, then carries on. If it
 * dies after 5, the manifest already names the new version and only the journal is left to remove.
 * Hence: manifest.json in output/<year>/ always names a complete version, whose files are either there or
 * (during a publish) in history/; every published version is kept whole. Two builds of the same year
 * running at once are not guarded against.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type Manifest } from './manifest.ts';
import { removeStaged, replaceFile, sha256, syncDir, TMP_PREFIX, writeFileDurable, type OutputFile } from './publish.ts';

export const MANIFEST = 'manifest.json';
export const CHANGES = 'changes.md';
/** The 更正说明 a correction writes beside changes.md; kept with its version like changes.md. */
export const NOTICE_FILES = ['更正说明.html', '更正说明.pdf'];
export const REPORT = 'report.json';
export const HISTORY = 'history';
const JOURNAL = '.publish-journal.json';

interface Journal {
  /** history/NNN holding the version being replaced, or null for a first publication. */
  archive: string | null;
  previousFiles: string[];
  newFiles: string[];
  /** sha256 of the new manifest.json: when the manifest in place has it, the publish committed. */
  manifest: string;
}

/** The version currently published in a year's folder, as found on disk. */
export interface Published {
  dir: string;
  manifest?: Manifest;
  manifestBytes?: Buffer;
  /** The files that make up this version: its outputs, manifest.json and changes.md when there is one. */
  files: string[];
  /** Outputs missing or not matching their manifest sha256. */
  damaged: string[];
  /** history/NNN when an archive already holds exactly this version. */
  archived?: string;
}

const read = (path: string) => (existsSync(path) ? readFileSync(path) : undefined);

/** The numbered folders in history/, ascending. */
export function archives(dir: string): string[] {
  const h = join(dir, HISTORY);
  if (!existsSync(h)) return [];
  return readdirSync(h)
    .filter((n) => /^\d+$/.test(n))
    .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
    .map((n) => `${HISTORY}/${n}`);
}

/** The next archive folder: one after the highest number there, three digits at least. */
export function nextArchive(dir: string): string {
  const last = archives(dir).at(-1);
  const n = last ? Number.parseInt(last.slice(HISTORY.length + 1), 10) + 1 : 1;
  return `${HISTORY}/${String(n).padStart(3, '0')}`;
}

export const archiveNumber = (archive: string) => Number.parseInt(archive.slice(archive.lastIndexOf('/') + 1), 10);

/**
 * Finishes or undoes a publish that a killed build left behind. Returns what it did, in Chinese, for
 * the build log (empty when there was nothing to do).
 */
export function recover(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const messages: string[] = [];
  removeStaged(dir);
  const h = join(dir, HISTORY);
  if (existsSync(h)) removeStaged(h);
  const journalBytes = read(join(dir, JOURNAL));
  if (!journalBytes) return messages;
  let journal: Journal;
  try {
    journal = JSON.parse(journalBytes.toString('utf8')) as Journal;
  } catch {
    rmSync(join(dir, JOURNAL), { force: true });
    return ['发现无法读取的发布日志，已删除。'];
  }
  const current = read(join(dir, MANIFEST));
  if (current && sha256(current) === journal.manifest) {
    messages.push('上次发布已完成提交，只清理了遗留的发布日志。');
  } else {
    // Not committed: put the previous version back exactly as it was.
    const archive = journal.archive && existsSync(join(dir, journal.archive)) ? journal.archive : null;
    if (archive) {
      for (const name of journal.previousFiles) {
        const saved = read(join(dir, archive, name));
        const present = read(join(dir, name));
        if (saved && !(present && present.equals(saved))) replaceFile(dir, name, saved);
      }
    }
    // Before the archive exists nothing in the folder was replaced; after, only the new files were.
    if (archive || journal.archive === null) {
      for (const name of journal.newFiles) if (!journal.previousFiles.includes(name)) rmSync(join(dir, name), { force: true });
    }
    syncDir(dir);
    messages.push(archive ? `上次发布在中途中断，已从 ${archive} 恢复为中断前的版本。` : '上次发布在中途中断，已撤销未完成的写入。');
  }
  rmSync(join(dir, JOURNAL), { force: true });
  syncDir(dir);
  return messages;
}

/** Reads the published version in a year's folder; undefined when nothing was published there. */
export function readPublished(dir: string): Published | undefined {
  if (!existsSync(dir)) return undefined;
  // Files without a readable manifest (an old or hand-made folder): keep them all as the previous version.
  const unversioned = (): Published | undefined => {
    const files = readdirSync(dir).filter((n) => !n.startsWith('.') && n !== HISTORY && statSync(join(dir, n)).isFile()).sort();
    return files.length ? { dir, files, damaged: [] } : undefined;
  };
  const manifestBytes = read(join(dir, MANIFEST));
  if (!manifestBytes) return unversioned();
  let manifest: Manifest;
  try {
    manifest = parseManifest(manifestBytes.toString('utf8'));
  } catch {
    return unversioned();
  }
  const damaged = manifest.outputs.filter((o) => {
    const bytes = read(join(dir, o.file));
    return !bytes || sha256(bytes) !== o.sha256;
  }).map((o) => o.file);
  const files = [...manifest.outputs.map((o) => o.file), MANIFEST, ...[CHANGES, ...NOTICE_FILES].filter((n) => existsSync(join(dir, n)))];
  const archived = archives(dir).reverse().find((a) => read(join(dir, a, MANIFEST))?.equals(manifestBytes));
  return { dir, manifest, manifestBytes, files, damaged, ...(archived ? { archived } : {}) };
}

/** Reads one file of the previous version from wherever it is intact: the folder, or its archive. */
export function readPublishedFile(p: Published, name: string): Buffer | undefined {
  const expected = p.manifest?.outputs.find((o) => o.file === name)?.sha256;
  const here = read(join(p.dir, name));
  if (here && (!expected || sha256(here) === expected)) return here;
  const saved = p.archived ? read(join(p.dir, p.archived, name)) : undefined;
  return saved && (!expected || sha256(saved) === expected) ? saved : here;
}

/** Test hook: called at each step of a publish, so a test can stop it there as a kill would. */
export type StepHook = (step: string) => void;

/**
 * Publishes a new version (its files include manifest.json, and changes.md when there is a previous
 * version), keeping the previous one in `archive`. See the order of operations at the top.
 */
export function publishVersion(dir: string, files: OutputFile[], previous: Published | undefined, archive: string | null, step: StepHook = () => {}): void {
  mkdirSync(dir, { recursive: true });
  const manifest = files.find((f) => f.name === MANIFEST);
  if (!manifest) throw new Error('发布内容缺少 manifest.json');
  const journal: Journal = {
    archive: previous ? archive : null,
    previousFiles: previous?.files ?? [],
    newFiles: files.map((f) => f.name),
    manifest: sha256(manifest.bytes),
  };
  replaceFile(dir, JOURNAL, JSON.stringify(journal, null, 2) + '\n');
  syncDir(dir);
  step('journal');

  const staged = files.map((f) => {
    const tmp = join(dir, `${TMP_PREFIX}${process.pid}-${f.name}`);
    writeFileDurable(tmp, f.bytes);
    return { name: f.name, tmp };
  });
  step('staged');

  if (previous && archive && !existsSync(join(dir, archive))) {
    const h = join(dir, HISTORY);
    mkdirSync(h, { recursive: true });
    const tmpArchive = join(h, `${TMP_PREFIX}${archive.slice(HISTORY.length + 1)}`);
    rmSync(tmpArchive, { recursive: true, force: true });
    mkdirSync(tmpArchive);
    for (const name of previous.files) {
      const bytes = readPublishedFile(previous, name);
      if (bytes) writeFileDurable(join(tmpArchive, name), bytes);
      else if (existsSync(join(dir, name))) copyFileSync(join(dir, name), join(tmpArchive, name));
    }
    syncDir(tmpArchive);
    renameSync(tmpArchive, join(dir, archive));
    syncDir(h);
  }
  step('archived');

  for (const s of staged) {
    if (s.name === MANIFEST) continue;
    renameSync(s.tmp, join(dir, s.name));
    step(`renamed:${s.name}`);
  }
  for (const name of previous?.files ?? []) {
    if (!journal.newFiles.includes(name)) rmSync(join(dir, name), { force: true });
  }
  syncDir(dir);
  step('replaced');

  renameSync(staged.find((s) => s.name === MANIFEST)!.tmp, join(dir, MANIFEST));
  syncDir(dir);
  step('committed');

  rmSync(join(dir, JOURNAL), { force: true });
  syncDir(dir);
}
