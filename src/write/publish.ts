/**
 * Stage 7: writing outputs so that nothing is lost on failure. Every output is rendered in memory first;
 * only when all of them succeeded are they written, each to a temporary file in the target folder and
 * then renamed over the old one (a rename is atomic on one file system). A build that dies while
 * rendering — the long part — leaves the previous outputs exactly as they were. Versioned publishing
 * (keeping the previous version in history/) builds on these primitives: see history.ts.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  bytes: Buffer;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Prefix of staged files; anything with it is an unfinished write and never a valid output. */
export const TMP_PREFIX = '.tmp-';

/** Writes and flushes a file to disk before returning, so a later rename never exposes a hollow file. */
export function writeFileDurable(path: string, bytes: Buffer | string): void {
  const fd = openSync(path, 'w');
  try {
    const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (the renames in it). Not every platform can open a folder: best effort. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the renames are still atomic, only their durability is the OS's.
  }
}

/** Removes what a killed build left half-written in a folder. */
export function removeStaged(dir: string): void {
  for (const f of readdirSync(dir)) if (f.startsWith(TMP_PREFIX)) rmSync(join(dir, f), { recursive: true, force: true });
}

/** Writes `name` in `dir` atomically: a flushed temporary file renamed over the target. */
export function replaceFile(dir: string, name: string, bytes: Buffer | string): void {
  const tmp = join(dir, `${TMP_PREFIX}${process.pid}-${name}`);
  writeFileDurable(tmp, bytes);
  renameSync(tmp, join(dir, name));
}

export function publish(dir: string, files: OutputFile[]): void {
  mkdirSync(dir, { recursive: true });
  // Leftovers of a build killed during the rename phase are never valid outputs.
  removeStaged(dir);
  const staged = files.map((f) => {
    const tmp = join(dir, `${TMP_PREFIX}${process.pid}-${f.name}`);
    writeFileDurable(tmp, f.bytes);
    return { tmp, target: join(dir, f.name) };
  });
  for (const { tmp, target } of staged) renameSync(tmp, target);
  syncDir(dir);
}
