/**
 * `npm run bench`: runs `npm run build:2024` as a cold child process N times (default 5, or
 * `npm run bench -- 10`) and prints the median wall time, the peak resident memory, and the median
 * of each step the build reports (校验, 文档模型, PDF, 工作簿), so a slow run says where it went.
 *
 * Peak memory comes from GNU time (/usr/bin/time -v: the largest process of the tree, i.e. node);
 * without it, from a tiny wrapper that spawns the command and reads the children's rusage.
 * Targets (issue 3): under 1.5 s and 400 MB on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

const RUNS = Number(process.argv[2] ?? 5);
const COMMAND = ['npm', 'run', '--silent', 'build:2024'];
const TARGET = { ms: 1500, mb: 400 };
const GNU_TIME = '/usr/bin/time';

interface Run {
  ms: number;
  /** CPU time (user + system) of the process tree: less sensitive than wall time to a busy machine. */
  cpuMs?: number;
  mb: number;
  steps: Map<string, number>;
}

function once(): Run {
  const useTime = existsSync(GNU_TIME);
  const argv = useTime
    ? [GNU_TIME, '-v', ...COMMAND]
    : [process.execPath, '-e', WRAPPER, ...COMMAND];
  const started = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`构建失败（退出码 ${r.status}）：\n${r.stderr}`);
  const kb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) : Number(/^maxrss-kb=(\d+)$/m.exec(r.stderr)?.[1]);
  const st = steps(r.stderr);
  // What the build does not time itself: npm, tsx and loading the modules.
  st.set('启动（npm、tsx、加载模块）', ms - [...st.values()].reduce((a, b) => a + b, 0));
  const cpu = useTime ? ['User', 'System'].map((k) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1])) : [];
  return { ms, mb: kb / 1024, steps: st, ...(cpu.length ? { cpuMs: 1000 * (cpu[0]! + cpu[1]!) } : {}) };
}

/** Spawns the command and prints the peak RSS of its process tree (ru_maxrss of the children). */
const WRAPPER = `
const { spawnSync } = require('node:child_process');
const [cmd, ...args] = process.argv.slice(1);
const r = spawnSync(cmd, args, { stdio: 'inherit' });
process.stderr.write('maxrss-kb=' + process.resourceUsage().maxRSS + '\\n');
process.exit(r.status ?? 1);`;

/** The build's own step lines, “  已生成 X.pdf（812 ms）”, as durations of each step. */
function steps(stderr: string): Map<string, number> {
  const out = new Map<string, number>();
  let previous = 0;
  for (const m of stderr.matchAll(/^ {2}(.+?)（(\d+) ms）$/gm)) {
    const name = m[1]!.replace(/^已生成 .*\.pdf$/, 'PDF').replace(/^已生成 .*\.xlsx$/, '工作簿');
    out.set(name, Number(m[2]) - previous);
    previous = Number(m[2]);
  }
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

console.log(`npm run build:2024 × ${RUNS}（冷启动子进程，${cpus().length} 核）`);
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = once();
  runs.push(r);
  console.log(`  第 ${i + 1} 次：${Math.round(r.ms)} ms（CPU ${r.cpuMs === undefined ? '—' : Math.round(r.cpuMs)} ms），峰值内存 ${Math.round(r.mb)} MB`);
}
const ms = median(runs.map((r) => r.ms));
const mb = Math.max(...runs.map((r) => r.mb));
console.log(`中位耗时 ${Math.round(ms)} ms（目标 < ${TARGET.ms} ms）${ms < TARGET.ms ? '' : '  ✗ 超出'}`);
if (runs[0]!.cpuMs !== undefined) console.log(`中位 CPU 时间 ${Math.round(median(runs.map((r) => r.cpuMs!)))} ms（用户 + 系统；机器繁忙时比墙钟时间可靠）`);
console.log(`机器负载（1 分钟平均）：${loadavg()[0]!.toFixed(2)}`);
console.log(`峰值内存 ${Math.round(mb)} MB（目标 < ${TARGET.mb} MB）${mb < TARGET.mb ? '' : '  ✗ 超出'}`);
console.log('各步骤中位耗时：');
for (const name of runs[0]!.steps.keys()) console.log(`  ${name}：${Math.round(median(runs.map((r) => r.steps.get(name) ?? 0)))} ms`);

// ─── The largest accepted year file (issue 9: every accepted file builds in bounded time) ────────────
// A separate section: test/bench/largest.ts builds it once per run, after the runs above.
await (await import('./largest.ts')).benchLargestFile(Math.min(RUNS, 3), ms);
