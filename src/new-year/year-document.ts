/**
 * A year file as a document a person will go on editing: parsed with the yaml package's Document API
 * (failsafe schema, so 848.10 stays the text 848.10), changed node by node, and written back so that it
 * reads like data/2024.yaml — comments, the header and the `yaml-language-server` modeline kept; table
 * rows as one-line `{ code: "2012901", general: 848.10 }`; codes in quotes. Top-level sections whose
 * content did not change are copied from the original text character for character (the yaml printer
 * would otherwise re-space aligned comments and padded brackets), and every cosmetic touch-up of a
 * changed section is kept only if the section still parses to the same data.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, Pair, parse, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document, type Node as YamlNode } from 'yaml';
import type { Dec } from '../decimal.ts';
import { Disk, explain, isErrno, PublishError } from '../write/disk.ts';

export type YearDoc = Document.Parsed | Document;

export function parseYearText(text: string): Document.Parsed {
  return parseDocument(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), { schema: 'failsafe', uniqueKeys: true });
}

// ─── Building nodes ────────────────────────────────────────────────────────────────────────────────

/** An amount as a year file writes it: at least two places (848.10, 700.00), never more than it has. */
export function amountText(value: Dec): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}

export function plain(text: string): Scalar {
  return new Scalar(text);
}

/** A code (or a code used as a key) in double quotes, as the README asks users to write them. */
export function quoted(text: string): Scalar {
  const s = new Scalar(text);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** A mapping from [key, value] pairs, skipping undefined values; flow (one line) or block. */
export function mapOf(entries: [string | Scalar, YamlNode | string | undefined][], flow = false): YAMLMap {
  const m = new YAMLMap();
  m.flow = flow;
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    m.items.push(new Pair(typeof k === 'string' ? plain(k) : k, typeof v === 'string' ? plain(v) : v));
  }
  return m;
}

export function seqOf(items: YamlNode[], flow = false): YAMLSeq {
  const s = new YAMLSeq();
  s.flow = flow;
  s.items.push(...items);
  return s;
}

/** The position of a top-level section in data/2024.yaml, for inserting a section a file lacks. */
export const SECTION_ORDER = [
  'year',
  'department',
  'publication_date',
  'partial',
  'acknowledge',
  'catalogue',
  'overview',
  'income',
  'expenditure',
  'basic_economic',
  'balances',
  'summary',
  'budget',
  'changes',
  'explanations',
  'three_public',
  'admin_operating_cost',
  'procurement',
  'assets',
  'projects',
  'performance',
  'department_evaluations',
  'glossary',
  'reports',
];

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/**
 * Sets a top-level section: the value of an existing key is replaced (its comments stay); a new key is
 * inserted where data/2024.yaml has it, after a blank line and under `comment` if given.
 */
export function setSection(doc: YearDoc, key: string, value: YamlNode, comment?: string): void {
  const root = doc.contents as YAMLMap;
  const existing = root.items.find((p) => keyOf(p as Pair) === key) as Pair | undefined;
  if (existing) {
    existing.value = value;
    return;
  }
  const k = plain(key);
  k.spaceBefore = true;
  if (comment) k.commentBefore = ` ${comment}`;
  const rank = SECTION_ORDER.indexOf(key);
  let at = root.items.length;
  for (let i = root.items.length - 1; i >= 0; i--) {
    const r = SECTION_ORDER.indexOf(keyOf(root.items[i] as Pair));
    if (r >= 0 && r < rank) {
      at = i + 1;
      break;
    }
    if (i === 0) at = 0;
  }
  root.items.splice(at, 0, new Pair(k, value));
}

export function deleteSection(doc: YearDoc, key: string): void {
  (doc.contents as YAMLMap).delete(key);
}

/** A mapping node's pair by key. */
export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => keyOf(p as Pair) === key) as Pair | undefined;
}

export { isMap, isScalar, isSeq };

// ─── The header ────────────────────────────────────────────────────────────────────────────────────

const MODELINE = /^\s*yaml-language-server:\s*\$schema=(\S+)\s*$/;
const PROVENANCE = /^\s*(数字由 npm run import|由 npm run new)/;

/**
 * Updates the comment block at the top: the schema modeline re-pointed from the new file's folder, last
 * year's number replaced where the header names the year, and one line saying where the file came from
 * (replacing such a line from an earlier run, so repeated imports do not pile them up).
 */
export function updateHeader(
  doc: YearDoc,
  options: { from: string; to: string; fromYear?: number; toYear?: number; provenance: string },
): void {
  const lines = (doc.commentBefore ?? '').split('\n').filter((l) => !PROVENANCE.test(l));
  while (lines.length && !lines[0]!.trim()) lines.shift();
  // The header's title line (its first line of words) names the year; later lines may quote sources
  // of that year (转录自《…2024年度部门决算》) and are left as written.
  const title = lines.findIndex((l) => l.trim() && !MODELINE.test(l));
  const out = lines.map((line, i) => {
    const m = MODELINE.exec(line);
    if (m && !/^[a-z]+:\/\//i.test(m[1]!)) {
      const schema = resolve(dirname(options.from), m[1]!);
      if (existsSync(schema)) {
        let rel = relative(dirname(options.to), schema).split('\\').join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return ` yaml-language-server: $schema=${rel}`;
      }
      return line;
    }
    if (i === title && options.fromYear !== undefined && options.toYear !== undefined && options.fromYear !== options.toYear) {
      return line.replace(new RegExp(`(?<!\\d)${options.fromYear}(?=\\s*年)`, 'g'), String(options.toYear));
    }
    return line;
  });
  // The provenance line goes after the header's first paragraph (below the modeline and the title).
  const blank = out.findIndex((l, i) => i > 0 && l.trim() === '' && out.slice(0, i).some((x) => x.trim() && !MODELINE.test(x)));
  const at = blank >= 0 ? blank : out.length;
  out.splice(at, 0, ` ${options.provenance}`);
  doc.commentBefore = out.join('\n');
}

// ─── Writing text ──────────────────────────────────────────────────────────────────────────────────

interface Section {
  key: string | null;
  text: string;
}

/** Splits a year file's text into the header and its top-level sections (each with its comments). */
function sections(text: string): Section[] {
  const lines = text.split('\n');
  const keys = lines.flatMap((l, i) => (/^[^\s#-][^:]*:(\s|$)/.test(l) ? [i] : []));
  if (!keys.length) return [{ key: null, text }];
  // A section starts at the comments directly above its key (no blank line in between).
  const starts = keys.map((k) => {
    let s = k;
    while (s > 0 && /^\s*#/.test(lines[s - 1]!)) s--;
    return s;
  });
  const out: Section[] = [{ key: null, text: lines.slice(0, starts[0]).join('\n') }];
  keys.forEach((k, i) => {
    const key = /^("?)([^":]+)\1:/.exec(lines[k]!)?.[2] ?? lines[k]!;
    out.push({ key, text: lines.slice(starts[i], i + 1 < keys.length ? starts[i + 1] : lines.length).join('\n') });
  });
  return out;
}

const parsedData = (text: string): unknown => {
  try {
    return parse(text, { schema: 'failsafe' });
  } catch {
    return Symbol('unparsable');
  }
};

/** A touch-up of a section is kept only if the section still means the same. */
function touchUp(text: string, fix: (t: string) => string): string {
  const fixed = fix(text);
  return fixed !== text && isDeepStrictEqual(parsedData(fixed), parsedData(text)) ? fixed : text;
}

/** `[ a, b ]` → `[a, b]`, as data/2024.yaml writes lists (mappings keep their `{ … }` padding). */
const tightLists = (t: string) => t.replace(/\[ (?=\S)/g, '[').replace(/(?<=\S) \]/g, ']');

/** Aligns the trailing comments of consecutive `"30103": 848.10 # 奖金` lines, four spaces after the longest. */
function alignComments(t: string): string {
  const lines = t.split('\n');
  const row = /^( +"[^"]+": [^\s#]+) # (.*)$/;
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && row.test(lines[j]!)) j++;
    if (j - i >= 2) {
      const width = Math.max(...lines.slice(i, j).map((l) => row.exec(l)![1]!.length)) + 4;
      for (let k = i; k < j; k++) {
        const m = row.exec(lines[k]!)!;
        lines[k] = `${m[1]!.padEnd(width)}# ${m[2]}`;
      }
    }
    i = j > i ? j : i + 1;
  }
  return lines.join('\n');
}

/**
 * The document as text. Sections equal in data to the `original` text's are taken from it verbatim
 * (except the `fresh` ones: last year's figure sections, whose comments may speak of last year); the
 * others are printed by the yaml package and touched up.
 */
export function renderYearText(doc: YearDoc, original?: string, fresh: readonly string[] = []): string {
  const printed = doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true, indentSeq: true });
  const before = original
    ? new Map(
        sections(original.replace(/\r\n/g, '\n'))
          .filter((s) => s.key)
          .map((s) => [s.key!, s.text]),
      )
    : new Map<string, string>();
  const out = sections(printed).map((s) => {
    if (s.key === null) return s.text;
    const old = fresh.includes(s.key) ? undefined : before.get(s.key);
    if (old !== undefined && isDeepStrictEqual(parsedData(old.trimEnd()), parsedData(s.text.trimEnd()))) {
      // The same data: the original text, but with the blank lines the printed section ends with.
      return old.trimEnd() + s.text.slice(s.text.trimEnd().length);
    }
    return touchUp(touchUp(s.text, tightLists), alignComments);
  });
  const text = out.join('\n');
  return text.endsWith('\n') ? text : `${text}\n`;
}

// ─── Writing the file ──────────────────────────────────────────────────────────────────────────────

export class FileExistsError extends Error {
  override name = 'FileExistsError';
}

/**
 * Writes `text` to `path` atomically: a flushed temporary file in the same folder, then a hard link to
 * the target (which fails, atomically, if the target exists — so a file is never overwritten by
 * accident, even by a second run at the same moment) or, with `force`, a rename over it.
 */
export function writeYearFile(path: string, text: string, force: boolean): void {
  const dir = dirname(resolve(path));
  mkdirSync(dir, { recursive: true });
  const disk = new Disk(dir);
  // A hidden name no year file can have; flushed before it takes the real name.
  const tmp = join(dir, `.juesuan-${process.pid}-${basename(path)}`);
  rmSync(tmp, { force: true });
  try {
    disk.writeDurable(tmp, text, path);
    if (force) renameSync(tmp, path);
    else {
      try {
        linkSync(tmp, path);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new FileExistsError(path);
        // A file system without hard links: check, then rename (a narrow race, but no silent overwrite).
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
        if (existsSync(path)) throw new FileExistsError(path);
        renameSync(tmp, path);
      }
    }
    disk.fsyncDir(dir);
  } catch (e) {
    // A full disk, a read-only folder …: the user's to fix, said in Chinese.
    const message = isErrno(e) ? explain(e, dir) : undefined;
    if (message) throw new PublishError(message);
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}
