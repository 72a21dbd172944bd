/**
 * Checks an inline year file the way `loadYear` checks data/<year>.yaml, without touching the disk
 * (beancount's `@loader.load_doc`, remark-lint's ok/not-ok examples). A fixture is a `yaml` tagged
 * template holding only what differs from the base year (test/fixtures/base/2024.yaml, a small but
 * general department); the line a rule should point at carries a `# ← 违规` comment, and the result
 * gives diagnostics as `[ruleId, line]` pairs so a test reads
 *
 *   const r = check(yaml`
 *     basic_economic:
 *       "310111": 0.00   # ← 违规
 *   `);
 *   expect(r.pairs('economic-code-format')).toEqual([['economic-code-format', r.mark]]);
 *
 * Merging is by key: a mapping in the fixture is merged into the base's mapping of the same key, key by
 * key and to any depth (block style only); anything else — a list, a scalar, a `{ flow: map }` — replaces
 * the base's value, except that `key: # 追加` appends the fixture's list items to the base's list.
 * `omit` deletes base keys first ('three_public', 'balances.gov_fund'); `edit` changes a line inside a
 * list of the base ({ 'project: 信息化建设': 'project: 信息化建设项目 # ← 违规' }).
 */
import { readFileSync } from 'node:fs';
import { calcYear, type YearCalc } from '../../src/calc/index.ts';
import { runRules } from '../../src/check/index.ts';
import type { PriorYear, Rule } from '../../src/check/rule.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { loadYamlText } from '../../src/load/load.ts';
import { parseYearFile } from '../../src/schema/index.ts';

/** The comment that marks the line a diagnostic should point at. */
export const MARK = '# ← 违规';

const baseFile = (name: string) => readFileSync(new URL(`../fixtures/base/${name}`, import.meta.url), 'utf8');
/** The base year: passes every rule with no diagnostic at all (test/helpers/year.test.ts). */
export const BASE_2024 = baseFile('2024.yaml');
/** Its prior year: a partial file whose figures agree with the base's changes and reasons. */
export const BASE_2023 = baseFile('2023.yaml');

export type Pair = [ruleId: string, line: number];

// ─── The tagged template ───────────────────────────────────────────────────────────────────────────

/**
 * A dedented YAML text. Interpolated multi-line values are indented to the column they stand at, so a
 * shared snippet can be dropped into any depth. Raw strings: a backslash reaches YAML as typed.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings.raw[0]!;
  values.forEach((value, i) => {
    const column = /[^\n]*$/.exec(out)![0];
    const indent = /^\s*$/.test(column) ? column : '';
    out += String(value).replace(/\n(?=.)/g, `\n${indent}`) + strings.raw[i + 1]!;
  });
  return dedent(out);
}

export function dedent(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  while (lines.length && lines[0]!.trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.length ? lines.map((l) => l.slice(cut)).join('\n') + '\n' : '';
}

/** 1-based lines of `text` that carry the marker. */
export function markedLines(text: string, mark = MARK): number[] {
  return text.split('\n').flatMap((line, i) => (line.includes(mark) ? [i + 1] : []));
}

// ─── Merging a fixture into a base, by key ─────────────────────────────────────────────────────────

interface Entry {
  /** Comments and blank lines just before the entry. */
  pre: string[];
  key: string;
  indent: number;
  /** The `key:` line and, unless the value is a block mapping, the value's lines. */
  head: string[];
  /** Child entries when the value is a block mapping. */
  children?: Block;
}

interface Block {
  entries: Entry[];
  /** Comments and blank lines after the last entry. */
  tail: string[];
}

/** `projects: # 追加` in a fixture appends its list items to the base's list instead of replacing it. */
export const APPEND_DIRECTIVE = '# 追加';
const APPEND = /:\s+# 追加(\s|$)/;
const KEY = /^( *)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#'"\-[{][^:#]*?|-[^\s:#][^:#]*?) *:(?: +(.*))?$/;
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isContent = (line: string) => line.trim() !== '' && !line.trim().startsWith('#');
const unquote = (key: string) => (/^["'].*["']$/.test(key) ? key.slice(1, -1) : key);

function parseBlock(lines: string[], indent: number): Block {
  const entries: Entry[] = [];
  let current: { pre: string[]; key: string; head: string[]; body: string[]; value: string } | undefined;
  let pending: string[] = [];
  const close = () => {
    if (current) entries.push(toEntry(current.pre, current.key, indent, current.head, current.body, current.value));
    current = undefined;
  };
  for (const line of lines) {
    if (!isContent(line)) {
      pending.push(line);
      continue;
    }
    const m = indentOf(line) === indent ? KEY.exec(line) : null;
    if (m) {
      close();
      current = { pre: pending, key: unquote(m[2]!.trim()), head: [line], body: [], value: (m[3] ?? '').replace(/(^|\s)#.*$/, '').trim() };
    } else if (current) current.body.push(...pending, line);
    else throw new Error(`patch: 无法按键合并这一行：${line}`);
    pending = [];
  }
  close();
  return { entries, tail: pending };
}

function toEntry(pre: string[], key: string, indent: number, head: string[], body: string[], value: string): Entry {
  const first = body.find(isContent);
  const nested = value === '' && first !== undefined && indentOf(first) > indent && !first.trim().startsWith('- ') && KEY.test(first);
  if (!nested) return { pre, key, indent, head: [...head, ...body] };
  return { pre, key, indent, head, children: parseBlock(body, indentOf(first)) };
}

function render(block: Block): string[] {
  return [...block.entries.flatMap((e) => [...e.pre, ...e.head, ...(e.children ? render(e.children) : [])]), ...block.tail];
}

function shift(entry: Entry, by: number): Entry {
  if (by === 0) return entry;
  const move = (l: string) => (l.trim() === '' ? l : by > 0 ? ' '.repeat(by) + l : l.slice(Math.min(-by, indentOf(l))));
  return {
    pre: entry.pre.map(move),
    key: entry.key,
    indent: entry.indent + by,
    head: entry.head.map(move),
    ...(entry.children
      ? { children: { entries: entry.children.entries.map((c) => shift(c, by)), tail: entry.children.tail.map(move) } }
      : {}),
  };
}

function mergeBlocks(base: Block, patch: Block): Block {
  const entries = [...base.entries];
  const indent = base.entries[0]?.indent ?? patch.entries[0]?.indent ?? 0;
  for (const p of patch.entries) {
    const i = entries.findIndex((b) => b.key === p.key);
    const b = i >= 0 ? entries[i] : undefined;
    const moved = shift(p, (b?.indent ?? indent) - p.indent);
    if (b?.children && moved.children)
      entries[i] = { ...moved, pre: [...b.pre, ...moved.pre], children: mergeBlocks(b.children, moved.children) };
    else if (b && APPEND.test(moved.head[0]!) && !b.children) entries[i] = { ...b, head: [...b.head, ...moved.head.slice(1)] };
    else if (b) entries[i] = { ...moved, pre: [...b.pre, ...moved.pre] };
    else entries.push(moved);
  }
  return { entries, tail: [...base.tail, ...patch.tail] };
}

function omitPath(block: Block, path: string[]): void {
  const [key, ...rest] = path;
  const i = block.entries.findIndex((e) => e.key === key);
  if (i < 0) throw new Error(`omit: 基准文件中没有「${path.join('.')}」`);
  if (rest.length === 0) block.entries.splice(i, 1);
  else {
    const children = block.entries[i]!.children;
    if (!children) throw new Error(`omit: 「${key}」不是块格式的映射`);
    omitPath(children, rest);
  }
}

/**
 * Replaces text of the base, for a change inside a list (a list in a fixture replaces the whole list):
 * each key must occur exactly once. A marker in the replacement moves to the end of its line.
 */
export function edit(base: string, edits: Readonly<Record<string, string>>): string {
  let text = base;
  for (const [from, to] of Object.entries(edits)) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`edit: 「${from}」在基准文件中应恰好出现一次`);
    const m = to.indexOf(MARK);
    if (m < 0) {
      text = text.slice(0, at) + to + text.slice(at + from.length);
      continue;
    }
    const before = to.slice(0, m).replace(/[ \t]+$/, '');
    const replaced = text.slice(0, at) + before + to.slice(m + MARK.length) + text.slice(at + from.length);
    const end = replaced.indexOf('\n', at + before.length);
    text = `${replaced.slice(0, end)}  ${MARK}${replaced.slice(end)}`;
  }
  return text;
}

/** The base with the fixture merged in (see the module comment). */
export function patch(base: string, fixture: string, omit: readonly string[] = []): string {
  const tree = parseBlock(dedent(base).split('\n').slice(0, -1), 0);
  for (const path of omit) omitPath(tree, path.split('.'));
  const merged = mergeBlocks(tree, parseBlock(dedent(fixture).split('\n').slice(0, -1), 0));
  return render(merged).join('\n') + '\n';
}

// ─── Checking ──────────────────────────────────────────────────────────────────────────────────────

export interface CheckOptions {
  /** What the fixture is merged into: the base year by default; null = the fixture is the whole file. */
  base?: string | null;
  /** Base keys deleted before merging, as dotted paths. */
  omit?: readonly string[];
  /** Text replaced in the base before merging (see `edit`). */
  edit?: Readonly<Record<string, string>>;
  /** The whole prior-year file (default BASE_2023); null = there is no prior-year file. */
  prior?: string | null;
  /** File names as shown in diagnostics; the year-file rule compares the year with the name. */
  file?: string;
  priorFile?: string;
  /** The rules run on the fixture (default: all registered rules). The prior year always gets RULES. */
  rules?: readonly Rule[];
}

export interface Checked {
  /** The year file as loaded (base and fixture merged). */
  text: string;
  /** Everything `loadYear` would report: the prior year's errors, then this file's diagnostics. */
  diagnostics: Diagnostic[];
  /** Lines of this file carrying `# ← 违规`. */
  marks: number[];
  /** The one marked line (throws unless exactly one line is marked). */
  mark: number;
  /** `[ruleId, line]` of this file's diagnostics, optionally of one rule only, in reporting order. */
  pairs(ruleId?: string): Pair[];
  /** Messages of this file's diagnostics (optionally of one rule), for the occasional regex check. */
  messages(ruleId?: string): string[];
  /** This file's diagnostics of one rule. */
  of(ruleId: string): Diagnostic[];
  /** `[ruleId, line]` of diagnostics that point into the prior-year file. */
  priorPairs(): Pair[];
  /** The prior-year file as loaded, if any. */
  priorText?: string;
  /** Lines of the prior-year file carrying the marker. */
  priorMarks: number[];
  /** The computed year, when loading and the schema passed. */
  calc?: YearCalc;
}

/** Runs load → schema → calc → check on an inline year file, mirroring `loadYear` in src/pipeline.ts. */
export function check(fixture: string, options: CheckOptions = {}): Checked {
  const base = options.base === undefined ? BASE_2024 : options.base;
  const text = base === null ? dedent(fixture) : patch(edit(base, options.edit ?? {}), fixture, options.omit);
  const priorText = options.prior === undefined ? BASE_2023 : options.prior === null ? null : dedent(options.prior);
  const file = options.file ?? 'fixture/2024.yaml';
  const priorFile = options.priorFile ?? file.replace(/\d{4}(?=\.ya?ml$)/, (y) => String(Number(y) - 1));
  if (priorText !== null && priorFile === file) throw new Error('check: 上年文件与本年文件同名');

  const diagnostics: Diagnostic[] = [];
  let calc: YearCalc | undefined;
  const loaded = loadYamlText(text, file);
  const parsed = loaded.value ? parseYearFile(loaded.value) : undefined;
  if (!loaded.value || !parsed?.value) {
    diagnostics.push(...loaded.diagnostics, ...(parsed?.diagnostics ?? []));
  } else {
    let prior: PriorYear | undefined;
    const priorLoaded = priorText === null ? undefined : loadYamlText(priorText, priorFile);
    if (priorLoaded) {
      const priorParsed = priorLoaded.value ? parseYearFile(priorLoaded.value) : undefined;
      // As in loadYear: the prior year's errors count, its warnings are its own business, and a file of
      // stand-alone reports only (like 2020) is no prior year to compare with.
      if (priorLoaded.value && priorParsed?.value) {
        const p = calcYear(priorParsed.value);
        if (p.kind !== 'reports') {
          prior = { calc: p, source: priorLoaded.value.source };
          diagnostics.push(
            ...runRules({ calc: p, raw: priorLoaded.value.data, source: priorLoaded.value.source }).filter((d) => d.severity === 'error'),
          );
        }
      } else {
        diagnostics.push(...priorLoaded.diagnostics, ...(priorParsed?.diagnostics ?? []));
      }
    }
    calc = calcYear(parsed.value, prior ? { prior: prior.calc.figures } : {});
    diagnostics.push(
      ...runRules({ calc, raw: loaded.value.data, source: loaded.value.source, ...(prior ? { prior } : {}) }, options.rules),
    );
  }

  const here = (d: Diagnostic) => (d.place?.file ?? file) === file;
  const mine = diagnostics.filter(here);
  const marks = markedLines(text);
  return {
    text,
    diagnostics,
    marks,
    get mark(): number {
      if (marks.length !== 1) throw new Error(`fixture 应恰好有一行标记「${MARK}」，实际有 ${marks.length} 行：\n${numbered(text)}`);
      return marks[0]!;
    },
    pairs: (ruleId) => mine.filter((d) => ruleId === undefined || d.ruleId === ruleId).map((d) => [d.ruleId, d.place?.line ?? 0]),
    messages: (ruleId) => mine.filter((d) => ruleId === undefined || d.ruleId === ruleId).map((d) => d.message),
    of: (ruleId) => mine.filter((d) => d.ruleId === ruleId),
    priorPairs: () => diagnostics.filter((d) => !here(d)).map((d) => [d.ruleId, d.place?.line ?? 0]),
    ...(priorText === null ? {} : { priorText }),
    priorMarks: priorText === null ? [] : markedLines(priorText),
    ...(calc ? { calc } : {}),
  };
}

/** `text` with the marker added to the lines containing each fragment (each on exactly one line). */
export function mark(text: string, ...fragments: string[]): string {
  const lines = text.split('\n');
  for (const fragment of fragments) {
    const i = lineWith(text, fragment) - 1;
    lines[i] = `${lines[i]}  ${MARK}`;
  }
  return lines.join('\n');
}

/** The line of `text` containing `fragment` (which must occur on exactly one line). */
export function lineWith(text: string, fragment: string): number {
  const found = text.split('\n').flatMap((line, i) => (line.includes(fragment) ? [i + 1] : []));
  if (found.length !== 1) throw new Error(`lineWith: 「${fragment}」出现在 ${found.length} 行`);
  return found[0]!;
}

/** The pairs a rule should report at the given lines: `at(RULE, ...r.marks)`. */
export function at(ruleId: string, ...lines: number[]): Pair[] {
  return lines.map((line) => [ruleId, line]);
}

/** The text with line numbers, for a failing test's message. */
export function numbered(text: string): string {
  return text
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}  ${l}`)
    .join('\n');
}
