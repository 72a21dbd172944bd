/**
 * Stage 7: writing outputs so that nothing is lost on failure. Every output is rendered in memory first;
 * only when all of them succeeded are they written, each to a temporary file in the target folder and
 * then renamed over the old one (a rename is atomic on one file system). A build that dies while
 * rendering — the long part — leaves the previous outputs exactly as they were.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  bytes: Buffer;
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export function publish(dir: string, files: OutputFile[]): void {
  mkdirSync(dir, { recursive: true });
  // Leftovers of a build killed during the rename phase are never valid outputs.
  for (const f of readdirSync(dir)) if (f.startsWith('.tmp-')) rmSync(join(dir, f), { force: true });
  const staged = files.map((f) => {
    const tmp = join(dir, `.tmp-${process.pid}-${f.name}`);
    writeFileSync(tmp, f.bytes);
    return { tmp, target: join(dir, f.name) };
  });
  for (const { tmp, target } of staged) renameSync(tmp, target);
}
