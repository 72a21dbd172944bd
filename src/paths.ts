/**
 * The project folder (the one holding juesuan's package.json), found from this module's own location,
 * so it is right whether the code runs from src/ (tests, tsx) or from the bundle that src/run.mjs keeps
 * in node_modules/.cache/juesuan/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'juesuan') return dir;
    if (dirname(dir) === dir) throw new Error('找不到 juesuan 的项目目录（package.json）');
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const TEMPLATE_DIR = join(PROJECT_ROOT, 'templates');
