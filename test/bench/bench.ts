/**
 * `npm run bench [-- RUNS] [-- --only NAME]`: how long a cold build takes, against the least any
 * pdfmake-based tool must spend on the same text, measured in the same run.
 *
 * For each case (a year file, CASES below) it alternates two fresh processes RUNS times (default 5),
 * after one uncounted warm-up pair:
 *   build  the command of the npm script `build` (node with its flags, src/run.mjs build FILE), into a
 *          fresh output folder, so every run publishes from scratch (npm's own launcher, ~0.2 s, is
 *          not included: `npm run build:2024` costs that much more);
 *   bare   test/bench/bare-pdfmake.mjs on the same documents' text (bare-definition.ts says exactly
 *          what that is).
 * and prints medians: wall time, CPU time (user + system, less sensitive to other work on the machine),
 * peak RSS (GNU time's maximum resident set size; the workbook's worker thread is in the same process),
 * and each ratio build/bare taken pair by pair — so a machine that slows down during the bench slows
 * both sides of a pair — plus the median of each step the build reports on stderr.
 *
 * No figure is judged here: the targets (issue 13) are printed next to the figures they concern.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFonts } from '../../src/fonts/index.ts';
import { buildModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { tocEntries } from '../../src/render/pdf/toc.ts';
import { bareDefinition, bareFonts } from './bare-definition.ts';
import { writeGrowthYear } from './growth.ts';
import { largestYearFile } from '../robustness/largest-file.ts';

interface Case {
  name: string;
  /** The year file to build (made in `dir` when the case generates one). */
  file(dir: string): string;
  /** Targets to print next to the figures (issue 13). */
  targets?: { ratio?: number; mb?: number };
}

/** The cases, in the order printed. A new case is one more line. */
const CASES: Case[] = [
  { name: '2024（data/2024.yaml）', file: () => 'data/2024.yaml', targets: { ratio: 1.5, mb: 400 } },
  { name: '增长：项目 ×10、科目行 ×3', file: (dir) => writeGrowthYear(mkdirp(join(dir, 'growth')), { projects: 10, rows: 3 }) },
  // The bound on any accepted file (issue 9): every list and the whole text allowance of the loader filled.
  { name: '最大的可接受年度文件', file: (dir) => writeLargestYear(mkdirp(join(dir, 'largest'))) },
];

function writeLargestYear(dir: string): string {
  const path = join(dir, '2024.yaml');
  writeFileSync(path, largestYearFile().text);
  return path;
}

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const RUNS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const GNU_TIME = '/usr/bin/time';
const BARE = fileURLToPath(new URL('./bare-pdfmake.mjs', import.meta.url));

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The npm script `build` as argv (node and its flags, then src/run.mjs build). */
function buildCommand(): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.build!;
  const argv = script.split(/\s+/);
  if (argv[0] !== 'node') throw new Error(`package.json 的 build 脚本应以 node 开头：${script}`);
  return [process.execPath, ...argv.slice(1)];
}

interface Run {
  ms: number;
  cpuMs: number;
  mb: number;
  stderr: string;
}

/** One process under GNU time (wall time measured here; CPU and peak RSS from GNU time). */
function timed(argv: string[]): Run {
  const started = performance.now();
  const r = spawnSync(GNU_TIME, ['-v', ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} 失败（退出码 ${r.status}）：\n${r.stderr}`);
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(r.stderr)?.[1]);
  return {
    ms,
    cpuMs: 1000 * (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')),
    mb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    stderr: r.stderr,
  };
}

/** The build's step lines, “  已生成 X.pdf（812 ms）”, as the duration of each step. */
function steps(run: Run): Map<string, number> {
  const out = new Map<string, number>();
  let previous = 0;
  for (const m of run.stderr.matchAll(/^ {2}(.+?)（(\d+) ms）$/gm)) {
    const name = m[1]!.replace(/^已生成 .*\.pdf$/, 'PDF').replace(/^已生成 .*\.xlsx$/, '工作簿（等待）').replace(/^已写入 .*$/, '写入');
    out.set(name, (out.get(name) ?? 0) + Number(m[2]) - previous);
    previous = Number(m[2]);
  }
  // What the build does not time itself: node starting, the launcher, loading the modules.
  out.set('启动与加载模块', run.ms - previous);
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const range = (xs: number[], digits = 2) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** The bare-pdfmake input for a year file: its documents' text and our font files. */
function writeBareInput(file: string, path: string): number {
  const result = loadYear(file);
  if (!result.value || result.value.calc.kind === 'partial') throw new Error(`${file} 无法生成文档`);
  const fonts = loadFonts();
  const documents = buildModel(result.value.calc).documents;
  const definitions = documents.map((d) => bareDefinition(d, fonts, tocEntries(d).map((e) => e.text)));
  writeFileSync(path, JSON.stringify({ fonts: bareFonts(fonts), definitions }));
  return documents.length;
}

function bench(c: Case, dir: string): void {
  const file = c.file(dir);
  const bareInput = join(dir, `bare-${CASES.indexOf(c)}.json`);
  const documents = writeBareInput(file, bareInput);
  const build = (i: number) => timed([...buildCommand(), file, `--out=${join(dir, `out-${CASES.indexOf(c)}-${i}`)}`]);
  const bare = (i: number) => timed([process.execPath, BARE, bareInput, join(dir, `bare-${CASES.indexOf(c)}-${i}`)]);

  console.log(`\n${c.name}：${file}，${documents} 个 PDF；冷启动子进程，成对交替 ${RUNS} 次（另有 1 次预热不计）`);
  build(-1);
  bare(-1);
  const pairs: { build: Run; bare: Run }[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which side goes first, so neither always runs right after the other's disk writes.
    const pair = i % 2 ? { bare: bare(i), build: build(i) } : { build: build(i), bare: bare(i) };
    pairs.push(pair);
    console.log(`  第 ${i + 1} 次：构建 ${Math.round(pair.build.ms)} ms / 纯 pdfmake ${Math.round(pair.bare.ms)} ms = ${(pair.build.ms / pair.bare.ms).toFixed(2)} ×`);
  }
  const col = (side: 'build' | 'bare', k: 'ms' | 'cpuMs' | 'mb') => pairs.map((p) => p[side][k]);
  const ratio = (k: 'ms' | 'cpuMs' | 'mb') => pairs.map((p) => p.build[k] / p.bare[k]);
  const target = (t: number | undefined, unit: string) => (t === undefined ? '' : `（目标 ≤ ${t}${unit}）`);
  const row = (label: string, k: 'ms' | 'cpuMs' | 'mb', unit: string, t?: string) =>
    console.log(`  ${label}：构建 ${Math.round(median(col('build', k)))} ${unit}，纯 pdfmake ${Math.round(median(col('bare', k)))} ${unit}；比值中位数 ${median(ratio(k)).toFixed(2)} ×（${range(ratio(k))}）${t ?? ''}`);
  row('墙钟时间', 'ms', 'ms', target(c.targets?.ratio, ' ×'));
  row('CPU 时间', 'cpuMs', 'ms');
  row('峰值内存', 'mb', 'MB', target(c.targets?.mb, ' MB（构建）'));
  console.log(`  峰值内存最大值：构建 ${Math.round(Math.max(...col('build', 'mb')))} MB`);
  const perStep = pairs.map((p) => steps(p.build));
  console.log('  构建各步骤中位耗时：');
  for (const name of perStep[0]!.keys()) console.log(`    ${name}：${Math.round(median(perStep.map((s) => s.get(name) ?? 0)))} ms`);
}

if (!existsSync(GNU_TIME)) throw new Error(`需要 GNU time（${GNU_TIME}，Debian 软件包 time）来测 CPU 时间和峰值内存`);
console.log(`机器：${cpus().length} 核，1 分钟平均负载 ${loadavg()[0]!.toFixed(2)}；构建命令：${buildCommand().slice(1).join(' ')} <年度文件>`);
// The launcher rebuilds its bundle when a source is newer: do that before anything is timed.
spawnSync(process.execPath, ['src/run.mjs', '--version'], { stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
try {
  for (const c of CASES) if (!only || c.name.includes(only)) bench(c, dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
