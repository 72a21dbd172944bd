/**
 * Temporary folders a test file makes, removed when that file ends. The hook that removes them is
 * registered for every test file by test/setup/each-file.ts: test files share helper modules (vitest runs
 * them without isolation, see vitest.config.ts), so a hook registered when a helper is first loaded would
 * run for the first file only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder juesuan-<prefix>-… in the temp folder, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `juesuan-${prefix}-`));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
