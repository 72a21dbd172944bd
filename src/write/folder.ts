/**
 * What an output folder holds, read as untrusted input: the version in place (its manifest, which of
 * its files still match it), the archives in history/, and the highest version number any of them
 * records. Nothing here writes. Everything that would lead a later step outside the folder — a manifest
 * naming “../x”, history/ or manifest.json being a link, an archive that is not a folder — is refused
 * here with a PublishError that says what to do, before anything is touched.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileNameProblem } from '../file-names.ts';
import { type Disk, isFile, isFolder, kind, PublishError, shown } from './disk.ts';
import { CHANGES, HISTORY, HostileManifest, MANIFEST, readManifest, UnreadableManifest, type Manifest } from './manifest.ts';

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** A version as found on disk: the one in the output folder, or one archived in history/NNN/. */
export interface Version {
  /** The folder holding it. */
  where: string;
  manifest?: Manifest;
  manifestBytes?: Buffer;
  /** Why manifest.json could not be read, when there is one. */
  unreadable?: string;
  /**
   * Its files that are there: the outputs its manifest names, manifest.json and changes.md; for a
   * folder without a readable manifest, every plain file in it.
   */
  files: string[];
  /** Outputs its manifest names that are missing or do not match it. */
  damaged: { file: string; problem: string }[];
}

export interface Archive {
  number: number;
  /** history/001 */
  name: string;
  version: Version;
}

export interface Folder {
  dir: string;
  current?: Version;
  archives: Archive[];
  /** The highest version number recorded anywhere: the manifest in place, the archives' names and manifests. */
  highest: number;
}

export const archiveName = (n: number) => `${HISTORY}/${String(n).padStart(3, '0')}`;

/** The version number of the folder's own version: its manifest's (1 for a manifest without one). */
export const versionOf = (v: Version) => (v.manifest ? (v.manifest.version ?? 1) : undefined);

function readVersion(disk: Disk, where: string, label: string, dir: string): Version | undefined {
  const manifestPath = join(where, MANIFEST);
  const manifestKind = kind(manifestPath);
  if (manifestKind && manifestKind !== 'file') {
    throw new PublishError(
      `${shown(manifestPath)} 不是普通文件（是${manifestKind === 'link' ? '指向其他位置的链接' : '文件夹'}），发布程序不会跟随它。请把它移走后重新发布。本次没有写入任何文件。`,
    );
  }
  const manifestBytes = manifestKind ? disk.read(manifestPath) : undefined;
  let manifest: Manifest | undefined;
  let unreadable: string | undefined;
  if (manifestBytes) {
    try {
      manifest = readManifest(manifestBytes.toString('utf8'));
    } catch (e) {
      if (e instanceof HostileManifest) {
        throw new PublishError(
          `${shown(manifestPath)} 中的${e.message}。manifest.json 被改动过，发布程序不会按它删除或移动任何文件。` +
            `请从 ${shown(join(dir, HISTORY))}/ 或备份中找回原来的 manifest.json；或者删除它后重新发布` +
            `（删除后，${label || '输出目录'}中现有的文件将作为一个未编号的版本整体存档）。本次没有写入任何文件。`,
        );
      }
      if (!(e instanceof UnreadableManifest)) throw e;
      unreadable = e.message;
    }
  }
  if (!manifest) {
    // No readable manifest (a hand-made folder, an old tool's): every plain file in it is the version.
    const files = readdirSync(where)
      .filter((n) => n !== HISTORY && !fileNameProblem(n) && isFile(join(where, n)))
      .sort();
    return files.length
      ? { where, ...(manifestBytes ? { manifestBytes } : {}), ...(unreadable ? { unreadable } : {}), files, damaged: [] }
      : undefined;
  }
  const damaged: Version['damaged'] = [];
  const present: string[] = [];
  for (const o of manifest.outputs) {
    const path = join(where, o.file);
    const k = kind(path);
    if (!k) {
      damaged.push({ file: o.file, problem: '文件不见了' });
      continue;
    }
    if (k !== 'file') {
      damaged.push({ file: o.file, problem: k === 'link' ? '是指向其他位置的链接，不是文件本身' : '不是普通文件' });
      continue;
    }
    present.push(o.file);
    const bytes = disk.read(path)!;
    if (sha256(bytes) !== o.sha256) {
      damaged.push({
        file: o.file,
        problem: `内容与 manifest.json 的记录不符（现有 ${bytes.length} 字节${o.bytes !== undefined ? `，应为 ${o.bytes} 字节` : ''}）`,
      });
    }
  }
  // The correction report (changes.md and its documents) belongs to the version too, when present.
  const reports = [CHANGES, ...(manifest?.corrections ?? []).map((c) => c.file)].filter((n) => isFile(join(where, n)));
  const files = [...present, MANIFEST, ...reports];
  return { where, manifest, manifestBytes: manifestBytes!, files, damaged };
}

/** Reads an output folder (see the top of this file); an absent folder is an empty one. */
export function readFolder(disk: Disk): Folder {
  const dir = disk.dir;
  if (!isFolder(dir)) return { dir, archives: [], highest: 0 };
  const current = readVersion(disk, dir, '', dir);
  const archives: Archive[] = [];
  const history = join(dir, HISTORY);
  const historyKind = kind(history);
  if (historyKind === 'dir') {
    for (const n of readdirSync(history).filter((n) => /^\d+$/.test(n))) {
      const path = join(history, n);
      const k = kind(path);
      if (k !== 'dir')
        throw new PublishError(
          `${shown(path)} 不是文件夹（是${k === 'link' ? '指向其他位置的链接' : '文件'}），不是本工具的存档。请把它移走后重新发布。本次没有写入任何文件。`,
        );
      const version = readVersion(disk, path, `${HISTORY}/${n}/ `, dir) ?? { where: path, files: [], damaged: [] };
      archives.push({ number: Number.parseInt(n, 10), name: `${HISTORY}/${n}`, version });
    }
  } else if (historyKind) {
    throw new PublishError(
      `${shown(history)} 不是文件夹（是${historyKind === 'link' ? '指向其他位置的链接' : '文件'}），发布程序不会向它写入存档。请把它移走或改名后重新发布。本次没有写入任何文件。`,
    );
  }
  archives.sort((a, b) => a.number - b.number || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const numbers = [...(current ? [versionOf(current) ?? 0] : []), ...archives.flatMap((a) => [a.number, versionOf(a.version) ?? 0])];
  return { dir, ...(current ? { current } : {}), archives, highest: Math.max(0, ...numbers) };
}

/** True when `archive` holds exactly `version`: the same manifest and files, byte for byte. */
export function archiveHolds(disk: Disk, archive: Archive, version: Version): boolean {
  const a = archive.version;
  if (version.manifestBytes && !(a.manifestBytes && a.manifestBytes.equals(version.manifestBytes))) return false;
  if (!version.manifestBytes && a.manifestBytes) return false;
  const changes = (v: Version) => (v.files.includes(CHANGES) ? disk.read(join(v.where, CHANGES)) : undefined);
  const same = (x: Buffer | undefined, y: Buffer | undefined) => (x === undefined ? y === undefined : !!y && x.equals(y));
  if (version.manifest) {
    if (!same(changes(version), changes(a))) return false;
    const correction = (v: Version, name: string) => (v.files.includes(name) ? disk.read(join(v.where, name)) : undefined);
    if (!(version.manifest.corrections ?? []).every((c) => same(correction(version, c.file), correction(a, c.file)))) return false;
    // Each output is whole in the archive, or archived exactly as the folder has it (a damaged version).
    return version.manifest.outputs.every((o) => {
      const saved = disk.read(join(a.where, o.file));
      return (saved && sha256(saved) === o.sha256) || same(saved, disk.read(join(version.where, o.file)));
    });
  }
  if (a.files.join('\n') !== version.files.join('\n')) return false;
  return version.files.every((f) => disk.read(join(version.where, f))?.equals(disk.read(join(a.where, f)) ?? Buffer.alloc(0)) ?? false);
}

/** A file of `version` that matches its manifest, from the folder or from an archive holding it. */
export function readIntact(disk: Disk, version: Version, name: string, archive?: Archive): Buffer | undefined {
  const expected = version.manifest?.outputs.find((o) => o.file === name)?.sha256;
  for (const where of [version.where, ...(archive ? [archive.version.where] : [])]) {
    const bytes = disk.read(join(where, name));
    if (bytes && (!expected || sha256(bytes) === expected)) return bytes;
  }
  return undefined;
}
