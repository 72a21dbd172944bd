/**
 * Publishing without the rest of the pipeline: versions made of small stand-in files, a folder to publish
 * them into, and what a test checks afterwards (the files there and their hashes, whether the version
 * manifest.json names is whole). The write stage knows nothing of content, so stand-ins exercise all of it.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishVersion, type OutputFile, type PublishOptions } from '../../src/write/publish.ts';

export const DEPT = '江西省示例中心';
export const PDF = `${DEPT}2024年度部门决算.pdf`;
export const XLSX = `${DEPT}2024年度部门决算公开表.xlsx`;
export const REPORT_PDF = '2024年度送温暖资金评价报告.pdf';

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Version `n` of a publication; `names` chooses which files it has (default: PDF, workbook, report.json). */
export function version(n: number, names: string[] = [PDF, XLSX, 'report.json']): OutputFile[] {
  return names.map((name) => ({ name, bytes: Buffer.from(`${name} 第 ${n} 版\n${'内容'.repeat(200 * n)}\n`) }));
}

export function options(n: number, extra: Partial<PublishOptions> = {}): PublishOptions {
  return {
    department: DEPT,
    year: 2024,
    inputs: [{ file: 'data/2024.yaml', sha256: sha(`input ${n}`) }],
    changes: (previous, next) =>
      `第 ${previous.version} 版 → 第 ${next.version} 版（${previous.archive}）${previous.damaged ? '，上一版已损坏' : ''}\n${previous.notes.map((x) => `注意：${x}\n`).join('')}`,
    ...extra,
  };
}

export const publishN = (dir: string, n: number, names?: string[], extra: Partial<PublishOptions> = {}) =>
  publishVersion(dir, version(n, names), options(n, extra));

const made: string[] = [];

/** A fresh temporary folder; its `out` is the output folder (output/2024), created by the first publish. */
export function workspace(prefix = 'write', options: { memory?: boolean } = {}): { root: string; out: string } {
  const base = options.memory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = mkdtempSync(join(base, `juesuan-${prefix}-`));
  made.push(root);
  return { root, out: join(root, 'output', '2024') };
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Every entry below `dir` — hidden ones too, links as links — with the sha256 of files. */
export function tree(dir: string, rel = ''): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) out[`${rel}${name}`] = 'link';
    else if (st.isDirectory()) {
      out[`${rel}${name}/`] = 'dir';
      Object.assign(out, tree(path, `${rel}${name}/`));
    } else out[`${rel}${name}`] = sha(readFileSync(path));
  }
  return out;
}

/** Like `tree`, with each file's modification time: proves that nothing was even rewritten. */
export function treeWithTimes(dir: string, rel = ''): Record<string, string> {
  const t = tree(dir, rel);
  return Object.fromEntries(Object.entries(t).map(([p, v]) => [p, v === 'dir' ? v : `${v} ${lstatSync(join(dir, p)).mtimeMs}`]));
}

/** The manifest in place names a whole version: each output is in the folder or in an archive, unchanged. */
export function manifestIsWhole(dir: string): boolean {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return true;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { outputs: { file: string; sha256: string }[] };
  const archives = existsSync(join(dir, 'history')) ? readdirSync(join(dir, 'history')).map((n) => join(dir, 'history', n)) : [];
  return manifest.outputs.every((o) =>
    [dir, ...archives].some((d) => existsSync(join(d, o.file)) && sha(readFileSync(join(d, o.file))) === o.sha256),
  );
}

/** The published (non-hidden) part of a folder: what a user sees there. */
export const visible = (t: Record<string, string>) =>
  Object.fromEntries(Object.entries(t).filter(([p]) => !p.startsWith('.') && !p.startsWith('history/')));

/** An error as the file system raises it (for a step hook to inject). */
export function errno(code: string, message = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

export class Killed extends Error {}

/** A step hook that throws at the `index`-th step (0-based) — a kill — or with `error` there. */
export function stopAt(index: number, error?: Error): (step: string) => void {
  let i = 0;
  return () => {
    if (i++ === index) throw error ?? new Killed(`killed at step ${index}`);
  };
}

/** The steps of one publish, in order, as the hook sees them. */
export function stepsOf(run: (hook: (step: string) => void) => void): string[] {
  const steps: string[] = [];
  run((s) => steps.push(s));
  return steps;
}
