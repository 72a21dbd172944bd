/**
 * What the bench's sections share: the npm scripts as command lines, one process timed under GNU time,
 * medians and ranges.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

/** The npm script `name` as argv: node (this one) and its flags, then src/run.mjs (absolute) and the command. */
export function scriptCommand(name: string): string[] {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts[name]!;
  const argv = script.split(/\s+/);
  if (argv[0] !== 'node') throw new Error(`package.json 的 ${name} 脚本应以 node 开头：${script}`);
  return [process.execPath, ...argv.slice(1).map((a) => (a === 'src/run.mjs' ? resolve(a) : a))];
}

export interface Run {
  ms: number;
  cpuMs: number;
  mb: number;
  stderr: string;
}

/** GNU time's figures in its -v report: CPU (user + system) and the peak resident set size. */
export function gnuTimeFigures(report: string): { cpuMs: number; mb: number } {
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1]);
  return {
    cpuMs: 1000 * (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')),
    mb: field('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

/** One process under GNU time (wall time measured here; CPU and peak RSS from GNU time). */
export function timed(argv: string[], cwd?: string): Run {
  const started = performance.now();
  const r = spawnSync(GNU_TIME, ['-v', ...argv], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
    ...(cwd ? { cwd } : {}),
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} 失败（退出码 ${r.status}）：\n${r.stderr}`);
  return { ms, ...gnuTimeFigures(r.stderr), stderr: r.stderr };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export const range = (xs: number[], digits = 2) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

/** “（目标 ≤ 1.5 ×）”, or nothing without a target. */
export const target = (t: number | undefined, unit: string) => (t === undefined ? '' : `（目标 ≤ ${t}${unit}）`);
