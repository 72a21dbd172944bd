/**
 * A scratch copy of data/ and an output folder in a temp dir, and stand-in renderers: the correction
 * workflow reads only report.json and the manifest, so a renderer that turns the model into bytes
 * deterministically is enough to drive it (and the real PDF/workbook renderers are not needed here).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildYear, type BuildOptions, type Renderers } from '../../src/build.ts';

export const fakeRenderers: Renderers = {
  pdf: async (doc) => Buffer.from(`%PDF-fake ${createHash('sha256').update(JSON.stringify(doc)).digest('hex')}\n`),
  workbook: async (tables, meta) =>
    Buffer.from(`xlsx-fake ${meta.title} ${createHash('sha256').update(JSON.stringify(tables)).digest('hex')}\n`),
};

export interface Workspace {
  root: string;
  data: string;
  output: string;
  yearFile: string;
  /** Output folder of 2024. */
  year: string;
  logs: string[];
  build(options?: Partial<BuildOptions>): ReturnType<typeof buildYear>;
  edit(replacements: [string, string][]): void;
  cleanup(): void;
}

export function workspace(): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'juesuan-diff-'));
  cpSync('data', join(root, 'data'), { recursive: true });
  return workspaceIn(root);
}

/**
 * A new workspace that starts as a copy of `from`, its year files and everything it published (file
 * times kept): tests that each need, say, version 1 published share one build of it.
 */
export function copyOf(from: Workspace): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'juesuan-diff-'));
  cpSync(from.root, root, { recursive: true, preserveTimestamps: true });
  return workspaceIn(root);
}

function workspaceIn(root: string): Workspace {
  const data = join(root, 'data');
  const output = join(root, 'output');
  const yearFile = join(data, '2024.yaml');
  const logs: string[] = [];
  return {
    root,
    data,
    output,
    yearFile,
    year: join(output, '2024'),
    logs,
    build: (options = {}) => buildYear(yearFile, { outputRoot: output, renderers: fakeRenderers, log: (l) => logs.push(l), ...options }),
    edit(replacements) {
      let text = readFileSync(yearFile, 'utf8');
      for (const [from, to] of replacements) {
        if (!text.includes(from)) throw new Error(`fixture edit: “${from}” not found in 2024.yaml`);
        text = text.replace(from, to);
      }
      writeFileSync(yearFile, text);
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Every file under a folder: relative path → bytes, size and mtime (to prove a rebuild touched nothing). */
export function snapshot(dir: string): Map<string, { bytes: Buffer; mtimeMs: number; size: number }> {
  const out = new Map<string, { bytes: Buffer; mtimeMs: number; size: number }>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else out.set(relative(dir, p), { bytes: readFileSync(p), mtimeMs: st.mtimeMs, size: st.size });
    }
  };
  walk(dir);
  return out;
}

/** The files of a folder tree as path → text of their sha256 (content only, for comparing two trees). */
export function contents(dir: string): Record<string, string> {
  return Object.fromEntries([...snapshot(dir)].map(([p, f]) => [p, createHash('sha256').update(f.bytes).digest('hex')]));
}

/**
 * The correction of issue 5: 2012901 行政运行 848.10 → 850.10 in income, expenditure (基本支出) and 公开06
 * 30103 奖金, with the narrative's explanations kept consistent (the 省直单位一次性经费补助 item becomes
 * −0.2 in 增减事项 and 850.1 in the 201 预决算差异 reason), so the year still checks without errors.
 */
export const CORRECTION: [string, string][] = [
  ['{ code: "2012901", general: 848.10', '{ code: "2012901", general: 850.10'],
  ['basic: { general: 848.10 }', 'basic: { general: 850.10 }'],
  ['"30103": 848.10', '"30103": 850.10'],
  [
    '{ text: 省直单位一次性经费补助减少, amount: -2.2, economic: "301" }',
    '{ text: 省直单位一次性经费补助减少, amount: -0.2, economic: "301" }',
  ],
  ['{ text: 省直单位一次性经费补助, amount: 848.1 }', '{ text: 省直单位一次性经费补助, amount: 850.1 }'],
];
