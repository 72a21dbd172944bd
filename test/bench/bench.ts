/**
 * `npm run bench [-- RUNS] [-- --only NAME] [-- --edits N] [-- --batch N]`: the speed figures of issue 13,
 * each against the least any pdfmake-based tool must spend on the same text, measured in the same run.
 *
 * 1. Cold builds. For each case (a year file, CASES below) it alternates two fresh processes RUNS times
 *    (default 5), after one uncounted warm-up pair:
 *      build  the command of the npm script `build` (node with its flags, src/run.mjs build FILE), into
 *             a fresh output folder, so every run publishes from scratch (npm's own launcher, ~0.2 s, is
 *             not included: `npm run build:2024` costs that much more);
 *      bare   test/bench/bare-pdfmake.mjs on the same documents' text (bare-definition.ts says exactly
 *             what that is).
 *    and prints medians: wall time, CPU time (user + system, less sensitive to other work on the
 *    machine), peak RSS (GNU time's maximum resident set size; the build's PDF thread is in the same
 *    process), and each ratio build/bare taken pair by pair — so a machine that slows down during the
 *    bench slows both sides of a pair — plus the median of each step the build reports on stderr.
 * 2. A one-figure correction republished by a warm `build --watch` (warm.ts), EDITS times (default 10).
 * 3. A batch of N departments (default 20; `--batch 100` for the issue's figure) in one `npm run batch`
 *    (batch.ts), against the cold build of data/2024.yaml measured in step 1.
 * `--only NAME` runs the sections whose name contains NAME (a case's name, 更正 or 批量).
 *
 * No figure is judged here: the targets (issue 13) are printed next to the figures they concern.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFonts } from '../../src/fonts/index.ts';
import { buildModel } from '../../src/model/report.ts';
import { loadYear } from '../../src/pipeline.ts';
import { tocEntries } from '../../src/render/pdf/toc.ts';
import { bareDefinition, bareFonts } from './bare-definition.ts';
import { benchBatch } from './batch.ts';
import { writeGrowthYear } from './growth.ts';
import { GNU_TIME, median, range, scriptCommand, target, timed, type Run } from './measure.ts';
import { benchWarm } from './warm.ts';
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
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--only');
const RUNS = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 5);
const EDITS = Number(option('--edits') ?? 10);
const BATCH = Number(option('--batch') ?? 20);
const BARE = fileURLToPath(new URL('./bare-pdfmake.mjs', import.meta.url));
const selected = (name: string) => !only || name.includes(only);

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The build's step lines, “  已生成 X.pdf（812 ms）”, as the time from one to the next. They come in
 * the order things finish: the workbook and the web edition are made in the main thread while the PDF
 * is laid out in its own, so the PDF's line is what was left to wait for it.
 */
function steps(run: Run): Map<string, number> {
  const out = new Map<string, number>();
  let previous = 0;
  for (const m of run.stderr.matchAll(/^ {2}(.+?)（(\d+) ms）$/gm)) {
    const name = m[1]!
      .replace(/^已生成 .*\.pdf$/, 'PDF（余下的等待）')
      .replace(/^已生成 .*\.xlsx$/, '工作簿')
      .replace(/^已生成 .*\.html$/, '网页版')
      .replace(/^已写入 .*$/, '写入');
    out.set(name, (out.get(name) ?? 0) + Number(m[2]) - previous);
    previous = Number(m[2]);
  }
  // What the build does not time itself: node starting, the launcher, loading the modules, exiting.
  out.set('启动、加载模块与退出', run.ms - previous);
  return out;
}

/** The bare-pdfmake input for a year file: its documents' text and our font files. */
function writeBareInput(file: string, path: string): number {
  const result = loadYear(file);
  if (!result.value || result.value.calc.kind === 'partial') throw new Error(`${file} 无法生成文档`);
  const fonts = loadFonts();
  const documents = buildModel(result.value.calc).documents;
  const definitions = documents.map((d) =>
    bareDefinition(
      d,
      fonts,
      tocEntries(d).map((e) => e.text),
    ),
  );
  writeFileSync(path, JSON.stringify({ fonts: bareFonts(fonts), definitions }));
  return documents.length;
}

/** Runs a case; returns the build's wall times (ms). */
function bench(c: Case, dir: string): number[] {
  const file = c.file(dir);
  const bareInput = join(dir, `bare-${CASES.indexOf(c)}.json`);
  const documents = writeBareInput(file, bareInput);
  const build = (i: number) => timed([...scriptCommand('build'), file, `--out=${join(dir, `out-${CASES.indexOf(c)}-${i}`)}`]);
  const bare = (i: number) => timed([process.execPath, BARE, bareInput, join(dir, `bare-${CASES.indexOf(c)}-${i}`)]);

  console.log(`\n${c.name}：${file}，${documents} 个 PDF；冷启动子进程，成对交替 ${RUNS} 次（另有 1 次预热不计）`);
  build(-1);
  bare(-1);
  const pairs: { build: Run; bare: Run }[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which side goes first, so neither always runs right after the other's disk writes.
    const pair = i % 2 ? { bare: bare(i), build: build(i) } : { build: build(i), bare: bare(i) };
    pairs.push(pair);
    console.log(
      `  第 ${i + 1} 次：构建 ${Math.round(pair.build.ms)} ms / 纯 pdfmake ${Math.round(pair.bare.ms)} ms = ${(pair.build.ms / pair.bare.ms).toFixed(2)} ×`,
    );
  }
  const col = (side: 'build' | 'bare', k: 'ms' | 'cpuMs' | 'mb') => pairs.map((p) => p[side][k]);
  const ratio = (k: 'ms' | 'cpuMs' | 'mb') => pairs.map((p) => p.build[k] / p.bare[k]);
  const row = (label: string, k: 'ms' | 'cpuMs' | 'mb', unit: string, t?: string) =>
    console.log(
      `  ${label}：构建 ${Math.round(median(col('build', k)))} ${unit}，纯 pdfmake ${Math.round(median(col('bare', k)))} ${unit}；比值中位数 ${median(ratio(k)).toFixed(2)} ×（${range(ratio(k))}）${t ?? ''}`,
    );
  row('墙钟时间', 'ms', 'ms', target(c.targets?.ratio, ' ×'));
  row('CPU 时间', 'cpuMs', 'ms');
  row('峰值内存', 'mb', 'MB', target(c.targets?.mb, ' MB（构建）'));
  console.log(`  峰值内存最大值：构建 ${Math.round(Math.max(...col('build', 'mb')))} MB`);
  const perStep = pairs.map((p) => steps(p.build));
  console.log('  构建各步骤中位耗时：');
  for (const name of perStep[0]!.keys()) console.log(`    ${name}：${Math.round(median(perStep.map((s) => s.get(name) ?? 0)))} ms`);
  return col('build', 'ms');
}

if (!existsSync(GNU_TIME)) throw new Error(`需要 GNU time（${GNU_TIME}，Debian 软件包 time）来测 CPU 时间和峰值内存`);
console.log(
  `机器：${cpus().length} 核，1 分钟平均负载 ${loadavg()[0]!.toFixed(2)}；构建命令：${scriptCommand('build').slice(1).join(' ')} <年度文件>`,
);
// The launcher rebuilds its bundle when a source is newer: do that before anything is timed.
spawnSync(process.execPath, ['src/run.mjs', '--version'], { stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
try {
  let cold: number[] | undefined;
  for (const c of CASES)
    if (selected(c.name)) {
      const ms = bench(c, dir);
      if (c === CASES[0]) cold = ms;
    }
  if (selected('更正')) await benchWarm(dir, EDITS);
  if (selected('批量')) {
    // The batch's yardstick: this run's cold builds of data/2024.yaml (a few more when that case did not run).
    cold ??= Array.from(
      { length: 3 },
      (_, i) => timed([...scriptCommand('build'), 'data/2024.yaml', `--out=${join(dir, `out-cold-${i}`)}`]).ms,
    );
    benchBatch(dir, BATCH, cold);
  }
  console.log(`\n结束时 1 分钟平均负载 ${loadavg()[0]!.toFixed(2)}（其他进程占用处理器时，墙钟时间和比值都偏大；CPU 时间受影响较小）`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
