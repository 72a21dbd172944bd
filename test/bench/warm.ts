/**
 * The bench's warm correction: `build --watch` (the npm script `build`'s command line with --watch),
 * left running on a copy of data/2024.yaml (with data/2023.yaml and the editor schema beside it, as in
 * data/), while one figure — 货物采购支出, which only the narrative shows — is corrected again and again,
 * as a user saving the file would. Each save is a new version (the PDF, the 更正说明 and changes.md are
 * made again; the workbook's inputs are unchanged). The figure quoted is the time the watcher itself
 * prints for each republish: from the first file event of the save to the end of the publish
 * (src/watch/watch.ts `sinceSave`, a 30 ms debounce included); the time from writing the file to
 * reading that line is printed beside it. Peak RSS is the watching process's, from GNU time.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GNU_TIME, gnuTimeFigures, median, range, scriptCommand, target } from './measure.ts';

/** The figure corrected: 货物采购支出 (0.00 in data/2024.yaml), set to 1.00, 2.00, … in turn. */
const FIGURE = /goods: \{ total: [\d.]+, sme: 0\.00 \}/;
const figure = (i: number) => `goods: { total: ${i}.00, sme: 0.00 }`;

/** The watcher's line for a republish (src/watch/watch.ts summaryLine). */
const REPUBLISHED =
  /^年度文件已保存 → 已发布第 (\d+) 版（(\d+\.\d+) 秒：读取 (\d+) ms，计算 (\d+) ms，校验 (\d+) ms，模型 (\d+) ms，生成 (\d+) ms，写入 (\d+) ms(?:；(.*))?）$/;
const STAGES = ['读取', '计算', '校验', '模型', '生成', '写入'] as const;

export interface WarmResult {
  /** The watcher's time per republish, ms. */
  ms: number[];
  mb: number;
}

/** A child process whose stderr lines can be awaited one by one. */
function watcher(argv: string[], cwd: string) {
  // Its own process group, so that Ctrl-C reaches the watcher under GNU time (which ignores it and reports).
  const child = spawn(GNU_TIME, ['-v', ...argv], { cwd, detached: true, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  let seen = 0;
  let wake: (() => void) | undefined;
  child.stderr.setEncoding('utf8');
  child.stdout.resume();
  child.stderr.on('data', (d: string) => {
    stderr += d;
    wake?.();
  });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return {
    /** The next whole line matching `pattern`, after those already read. */
    async next(pattern: RegExp, timeoutMs = 120_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = stderr.slice(seen).split('\n');
        lines.pop(); // not yet a whole line
        let offset = seen;
        for (const line of lines) {
          offset += line.length + 1;
          if (pattern.test(line)) {
            seen = offset;
            return line;
          }
        }
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`监视进程没有输出 /${pattern.source}/；其输出：\n${stderr}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 1000);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    async stop(): Promise<string> {
      process.kill(-child.pid!, 'SIGINT');
      await exited;
      return stderr;
    },
  };
}

export async function benchWarm(dir: string, edits: number): Promise<WarmResult> {
  const root = join(dir, 'warm');
  mkdirSync(join(root, 'data'), { recursive: true });
  for (const f of ['2023.yaml', '2024.yaml', 'year-file.schema.json']) copyFileSync(join('data', f), join(root, 'data', f));
  const yearFile = join(root, 'data', '2024.yaml');
  if (!FIGURE.test(readFileSync(yearFile, 'utf8'))) throw new Error(`data/2024.yaml 中找不到 ${FIGURE.source}（基准测试要更正的数字）`);

  console.log(
    `\n更正后重新发布（build --watch，温进程）：data/2024.yaml 的副本，改一个数字（货物采购支出）并保存，共 ${edits} 次（另有 1 次预热不计）`,
  );
  const w = watcher([...scriptCommand('build'), 'data/2024.yaml', '--watch'], root);
  await w.next(/^正在监视 /);
  const counted: { ms: number; stages: number[]; sinceWrite: number; what: string }[] = [];
  for (let i = 1; i <= edits + 1; i++) {
    const text = readFileSync(yearFile, 'utf8');
    const written = performance.now();
    writeFileSync(yearFile, text.replace(FIGURE, figure(i)));
    const line = await w.next(/^年度文件已保存 → /);
    const sinceWrite = performance.now() - written;
    const m = REPUBLISHED.exec(line);
    if (!m) throw new Error(`第 ${i} 次更正没有发布：${line}`);
    if (Number(m[1]) !== i + 1) throw new Error(`第 ${i} 次更正应发布第 ${i + 1} 版：${line}`);
    const ms = 1000 * Number(m[2]);
    if (i === 1) continue; // the warm-up: the first correction loads what the 更正说明 needs
    counted.push({ ms, stages: m.slice(3, 9).map(Number), sinceWrite, what: m[9] ?? '' });
    console.log(`  第 ${i - 1} 次：${Math.round(ms)} ms（写入文件到读到这一行 ${Math.round(sinceWrite)} ms）`);
  }
  const report = await w.stop();
  const { mb } = gnuTimeFigures(report);
  const ms = counted.map((c) => c.ms);
  console.log(
    `  每次更正（监视进程自报，自保存至发布完成）：中位数 ${Math.round(median(ms))} ms（${range(ms.map((x) => x / 1000))} 秒）${target(300, ' ms')}`,
  );
  console.log(`  写入文件到读到发布行：中位数 ${Math.round(median(counted.map((c) => c.sinceWrite)))} ms`);
  console.log(`  各阶段中位耗时：${STAGES.map((s, k) => `${s} ${median(counted.map((c) => c.stages[k]!))} ms`).join('，')}`);
  console.log(`  每次重新生成的输出：${counted.at(-1)?.what ?? ''}`);
  console.log(`  监视进程峰值内存：${Math.round(mb)} MB`);
  return { ms, mb };
}
