#!/usr/bin/env node
/**
 * How the npm scripts start the command line. Compiling TypeScript on the fly (tsx) costs more than half
 * a second on every cold run, so the CLI runs from one JavaScript bundle of src/ made by esbuild, kept in
 * node_modules/.cache/juesuan/ and rebuilt whenever a file under src/ is newer than it — editing the
 * source needs no extra step. Dependencies stay external (resolved from node_modules as usual), and the
 * bundle is split at dynamic imports, so `check` never loads what only `build` needs (pdfmake, ExcelJS).
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cacheDir = join(root, 'node_modules', '.cache', 'juesuan');
const bundleDir = join(cacheDir, 'cli');
const bundle = join(bundleDir, 'cli.mjs');

/** Newest modification time of the sources the bundle is made from. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

async function ensureBundle() {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource(join(root, 'src'))) return;
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Written to a private folder and swapped in, so two runs starting at once never load half a bundle.
  const tmp = join(cacheDir, `cli.${process.pid}`);
  await build({
    // The workbook's worker thread and the batch's pool workers are entries too; they share chunks with the CLI.
    entryPoints: [join(root, 'src', 'cli.ts'), join(root, 'src', 'render', 'xlsx', 'worker.ts'), join(root, 'src', 'batch', 'batch-worker.ts')],
    outdir: tmp,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // The replaced bundle is kept until the next rebuild: a run that started from it may still be loading
  // its chunks.
  for (const entry of readdirSync(cacheDir)) if (entry.startsWith('old.')) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  try {
    if (existsSync(bundleDir)) renameSync(bundleDir, join(cacheDir, `old.${process.pid}`));
    renameSync(tmp, bundleDir);
  } catch (err) {
    // Another run swapped in its fresh bundle at the same moment: made from the same sources, use it.
    if (!existsSync(bundle)) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
}

await ensureBundle();
const { runCli } = await import(pathToFileURL(bundle).href);
process.exit(await runCli(process.argv.slice(2)));
