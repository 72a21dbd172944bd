/**
 * A private copy of the project for a test that rebuilds src/run.mjs's bundle: package.json, the lock
 * file, src/ and templates/ copied, node_modules/ a folder of links to the installed packages with a
 * bundle cache of its own. Rebuilding the shared bundle in node_modules/.cache/ while other test files
 * run the command line would pull it from under them (a process loads its chunks as it needs them).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ProjectCopy {
  root: string;
  /** Its src/run.mjs. */
  run: string;
  /** Its bundle's entry, node_modules/.cache/juesuan/cli/cli.mjs. */
  bundle: string;
  /** A file of the copy, by its path in the project (src/paths.ts). */
  file(path: string): string;
  remove(): void;
}

/**
 * `withBundle`: the copy starts with a copy of the project's bundle (node_modules/.cache/juesuan/cli/),
 * modification times kept, so a test of the rebuild runs esbuild once instead of twice.
 */
export function projectCopy(options: { withBundle?: boolean } = {}): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'juesuan-project-'));
  for (const item of ['package.json', 'package-lock.json', 'src', 'templates'])
    cpSync(join(ROOT, item), join(root, item), { recursive: true, preserveTimestamps: true });
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '.cache' && entry !== '.vite') symlinkSync(join(ROOT, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  if (options.withBundle)
    cpSync(join(ROOT, 'node_modules', '.cache', 'juesuan', 'cli'), join(root, 'node_modules', '.cache', 'juesuan', 'cli'), {
      recursive: true,
      preserveTimestamps: true,
    });
  return {
    root,
    run: join(root, 'src', 'run.mjs'),
    bundle: join(root, 'node_modules', '.cache', 'juesuan', 'cli', 'cli.mjs'),
    file: (path) => join(root, path),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
