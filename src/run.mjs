#!/usr/bin/env node
/**
 * How the npm scripts start the command line. Compiling TypeScript on the fly (tsx) costs more than half
 * a second on every cold run, so the CLI runs from one JavaScript bundle of src/ made by esbuild, kept in
 * node_modules/.cache/juesuan/ and rebuilt whenever a file under src/ is newer than it — editing the
 * source needs no extra step. The bundle is split at dynamic imports, so `check` never loads what only
 * `build` needs (pdfmake and the renderers), and `build` never loads what only `import` needs (ExcelJS).
 *
 * Plain JavaScript dependencies (yaml, zod, handlebars, decimal.js, ECharts …: BUNDLED) are bundled too:
 * one file read and compiled instead of hundreds of small modules resolved one by one (ECharts alone is
 * ~600 ES modules, ~0.4 s to load one by one; bundled, only the charts and components used are kept).
 * Those that read files next to their own code or that the code loads at run time stay in node_modules:
 * pdfkit reads its colour profile and font metrics from its folder, and the PDF engine loads pdfmake,
 * fontkit and linebreak itself so that pdfkit shares our parsed fonts (src/fonts). ExcelJS, which
 * `import` reads workbooks with, is loaded from its prebuilt single-file build (dist/exceljs.min.js:
 * the same code, ~50 ms to load instead of ~0.3–0.5 s for its hundreds of modules). An external
 * CommonJS package is loaded with require(), not import: importing it makes Node scan its whole source
 * for export names first (~0.25 s for that 1 MB file). Since the bundle holds
 * dependency code, it is also rebuilt when the installed packages change (package-lock.json) or this
 * file does.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cacheDir = join(root, 'node_modules', '.cache', 'juesuan');
const bundleDir = join(cacheDir, 'cli');
const bundle = join(bundleDir, 'cli.mjs');

/** Newest modification time of the sources the bundle is made from (.ts files, or the templates). */
function newestSource(dir, ext = '.ts') {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The dependencies bundled: plain JavaScript that reads no file of its own (with the packages they
 * import: ECharts draws with zrender and uses tslib; string-width uses the three after it). Every other
 * package stays in node_modules — pdfkit, pdfmake, fontkit, linebreak (see above), pdfjs-dist (it loads
 * its worker from its own folder), ExcelJS and the rest: a new dependency is external unless added here.
 */
const BUNDLED = new Set([
  'yaml',
  'zod',
  'handlebars',
  'decimal.js',
  'diff',
  'echarts',
  'zrender',
  'tslib',
  'string-width',
  'get-east-asian-width',
  'strip-ansi',
  'ansi-regex',
  'emoji-regex',
]);
const packageOf = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
/** Whether an external module is an ES module (else CommonJS, loaded with require: see above). */
function isEsm(spec) {
  if (spec.endsWith('.mjs')) return true;
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', packageOf(spec), 'package.json'), 'utf8')).type === 'module';
  } catch {
    return true; // unknown: leave it to Node
  }
}
const externals = {
  name: 'juesuan-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (BUNDLED.has(packageOf(args.path))) return undefined;
      // ExcelJS's prebuilt single file (see above).
      const path = args.path === 'exceljs' ? 'exceljs/dist/exceljs.min.js' : args.path;
      // `import x from 'cjs'` becomes a CommonJS stub that requires it (Node's own interop: x is its module.exports).
      if (args.kind === 'import-statement' && !path.startsWith('node:') && !isEsm(path)) return { path, namespace: 'juesuan-require' };
      return { path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'juesuan-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** The built-in templates compiled by Handlebars (src/precompile-templates.mjs), in place of src/model/precompiled-templates.ts's empty PRECOMPILED. */
const templatesDir = join(root, 'templates');
const precompiled = {
  name: 'juesuan-precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]model[\\/]precompiled-templates\.ts$/ }, async (args) => {
      const { precompiledSource } = await import('./precompile-templates.mjs');
      const source = readFileSync(args.path, 'utf8');
      const empty = /(export const PRECOMPILED\b[^=]*= )\{\};/;
      if (!empty.test(source)) throw new Error(`${args.path}: no empty PRECOMPILED to fill in`);
      const filled = precompiledSource(templatesDir, createRequire(import.meta.url)('handlebars'));
      return { contents: source.replace(empty, (_, head) => `${head}${filled};`), loader: 'ts' };
    });
  },
};

/** What else the bundle is made from: this configuration, the template compiler and the installed packages. */
const INPUTS = [
  fileURLToPath(import.meta.url),
  join(root, 'src', 'precompile-templates.mjs'),
  join(root, 'package-lock.json'),
  join(root, 'node_modules', '.package-lock.json'),
];

function stale() {
  if (!existsSync(bundle)) return true;
  const made = statSync(bundle).mtimeMs;
  return (
    made < newestSource(join(root, 'src')) ||
    made < newestSource(templatesDir, '.hbs') ||
    INPUTS.some((f) => existsSync(f) && statSync(f).mtimeMs > made)
  );
}

async function ensureBundle() {
  if (!stale()) return;
  const { build } = await import('esbuild');
  mkdirSync(cacheDir, { recursive: true });
  // Written to a private folder and swapped in, so two runs starting at once never load half a bundle.
  const tmp = join(cacheDir, `cli.${process.pid}`);
  await build({
    // The PDF thread of a build and the batch's pool workers are entries too; they share chunks with the CLI.
    entryPoints: [
      join(root, 'src', 'cli.ts'),
      { in: join(root, 'src', 'render', 'pdf', 'worker.ts'), out: 'pdf-worker' },
      join(root, 'src', 'batch', 'batch-worker.ts'),
    ],
    outdir: tmp,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externals, precompiled],
    // Bundled CommonJS code calls require() for Node's own modules: give the ES module bundle one.
    banner: { js: "import { createRequire as __juesuanRequire } from 'node:module'; const require = __juesuanRequire(import.meta.url);" },
    sourcemap: 'linked',
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

/**
 * Whether the command is a single cold `build` (one year file, no --watch, no help, not a batch): its
 * PDF thread is started before the CLI's modules are loaded (~0.15 s), so that pdfmake and the fonts
 * load meanwhile; the build takes it over (src/render/pdf/background.ts adoptPdfThread).
 */
function singleBuild(argv) {
  if (argv[0] !== 'build') return false;
  let files = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') i++;
    else if (a.startsWith('--out=')) continue;
    else if (a.startsWith('-')) return false;
    else files++;
  }
  return files === 1;
}

await ensureBundle();
const argv = process.argv.slice(2);
let early;
if (singleBuild(argv)) {
  const { Worker } = await import('node:worker_threads');
  let failed = false;
  const worker = new Worker(new URL('pdf-worker.mjs', pathToFileURL(bundle)), { workerData: { root: undefined } });
  worker.on('error', () => (failed = true)).on('exit', () => (failed = true));
  early = { worker, failed: () => failed };
}
const { runCli, adoptPdfThread } = await import(pathToFileURL(bundle).href);
if (early) adoptPdfThread(early);
process.exit(await runCli(argv));
