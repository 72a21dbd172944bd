/**
 * The corpus of broken year files in test/broken/: one mistake per file, named by the mistake. Each file
 * states what `check` must say about it in its first comment lines, machine-readably:
 *
 *   # expect: <rule id> line <n> [in <file>]     a diagnostic the mistake must produce (an error)
 *   # also:   <rule id> line <n> [in <file>] ← why   a further error the same mistake produces today
 *                                                 (a known cascade, listed so the test is exact)
 *   # expect: ok                                 the file must pass (BOM, CRLF, `{{` in data text)
 *
 * `in <file>` names another file of the case (the prior year); by default the line is in the case file.
 * A case is either a file (test/broken/<name>.yaml) or a folder whose 2024.yaml is checked (when the
 * mistake needs a file name or a prior-year file next to it). A file that cannot hold a comment (zero
 * bytes, a workbook) keeps its header in <file>.expect beside it. Non-UTF-8 files keep an ASCII header
 * (GBK) or one in their own encoding (UTF-16 with a BOM).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { RULES } from '../../src/check/index.ts';

export const BROKEN_DIR = 'test/broken';

export interface Expectation {
  ruleId: string;
  line: number;
  /** File the line is in, relative to the case folder (the case file itself when not stated). */
  file: string;
  /** An accepted further error of the same mistake (`# also:`), with the reason given. */
  also?: string;
}

export interface Case {
  name: string;
  /** The file given to `check` / `build`, relative to the project root. */
  path: string;
  /** The case's own folder (a folder case) or test/broken (a file case). */
  dir: string;
  title: string;
  ok: boolean;
  expected: Expectation[];
  /** Rule ids the case expects that are not registered yet (work of another change): the case waits. */
  pending: string[];
}

function headerText(path: string): string {
  if (existsSync(`${path}.expect`)) return readFileSync(`${path}.expect`, 'utf8');
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  // UTF-8, or an ASCII header in front of GBK text: either way the header reads as UTF-8.
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

const FILE_STAGES = /^(load|yaml|schema)\//;

export function parseCase(name: string): Case {
  const full = join(BROKEN_DIR, name);
  const folder = statSync(full).isDirectory();
  const path = folder ? join(full, '2024.yaml') : full;
  const header: string[] = [];
  for (const line of headerText(path).split(/\r?\n/)) {
    if (!line.startsWith('#')) break;
    header.push(line);
  }
  const title = header.find((l) => !/^# (expect|also):/.test(l))?.replace(/^#\s*/, '') ?? name;
  const expected: Expectation[] = [];
  let ok = false;
  for (const line of header) {
    const m = /^# (expect|also):\s*(\S+)(?:\s+line\s+(\d+))?(?:\s+in\s+(\S+))?\s*(?:←\s*(.*))?$/.exec(line);
    if (!m) continue;
    if (m[2] === 'ok') {
      ok = true;
      continue;
    }
    if (!m[3]) throw new Error(`${name}: “${line}” has no line number`);
    expected.push({
      ruleId: m[2]!,
      line: Number.parseInt(m[3], 10),
      file: m[4] ?? basename(path),
      ...(m[1] === 'also' ? { also: m[5]?.trim() || '（未说明）' } : {}),
    });
  }
  if (!ok && !expected.some((e) => !e.also)) throw new Error(`${name}: no “# expect:” line in its header`);
  const registered = new Set(RULES.map((r) => r.id));
  const pending = [...new Set(expected.map((e) => e.ruleId).filter((id) => !FILE_STAGES.test(id) && !registered.has(id)))];
  return { name, path, dir: folder ? full : BROKEN_DIR, title, ok, expected, pending };
}

/** Every case of the corpus, in name order. */
export function corpus(): Case[] {
  return readdirSync(BROKEN_DIR)
    .filter((n) => !n.endsWith('.expect') && !n.startsWith('.') && n !== 'README.md')
    .sort()
    .map(parseCase);
}

/** `file:line [rule]` keys, sorted: what a case expects and what a run produced compare as these. */
export const key = (file: string, line: number | undefined, ruleId: string) => `${file}:${line ?? '?'} [${ruleId}]`;

export function expectedKeys(c: Case): string[] {
  return c.expected.map((e) => key(e.file, e.line, e.ruleId)).sort();
}

/** The file of a diagnostic relative to its case folder (how the header names it). */
export function caseRelative(c: Case, file: string | undefined): string {
  return file ? relative(c.dir, file) : '?';
}

/** A message a finance officer can read: Chinese, no programmer's English, no leaked internals. */
export function unclearness(message: string): string | undefined {
  if (!/[\u4e00-\u9fff]/.test(message)) return '不含中文';
  if (/[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){2,}/.test(message)) return '含英文句子';
  const leak = /undefined|NaN|\[object|Error|Exception|RESOURCE_EXHAUSTION|[A-Z]{3,}_[A-Z]{3,}/.exec(message);
  return leak ? `含「${leak[0]}」` : undefined;
}

/** Signs of a crash in a process's output: stack frames, JS error names, Node internals. */
export function crashSigns(output: string): string | undefined {
  const m = /^\s+at\s|\b[A-Za-z]*Error:|node:internal|内部错误|\bERR_[A-Z_]+/m.exec(output);
  return m?.[0];
}
