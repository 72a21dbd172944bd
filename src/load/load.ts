/**
 * Stage 1: read a year file into plain data plus a source map, refusing anything that is not a plain
 * YAML mapping of strings. The YAML is parsed with the failsafe schema, so every scalar stays the exact
 * text the user typed: `848.10` never becomes a float, `2012901` never loses its form, `no` never turns
 * into false. Types are given to the text by the schema stage.
 *
 * Everything a later stage could choke on is refused here, with the line: characters that must not
 * reach a published document (control, bidi, invisible), keys with a meaning to JavaScript, and sizes
 * no real year file comes near (LIMITS), so every file that loads is checked and built in bounded time.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Scalar } from 'yaml';
import { printable, UNSAFE_CHARACTER, type Diagnostic } from '../diagnostics.ts';
import { decodeYearFile } from './encoding.ts';
import { SourceMap, type PathSegment } from './source-map.ts';
import { unsafeCharacterMessage } from './text-safety.ts';
import { ALIAS_MESSAGE, duplicateKeyMessage, explainYamlErrors, tagMessage } from './yaml-errors.ts';

/**
 * What a year file may hold. The real 2024 file (a whole 部门决算 with its evaluation report) has 670
 * values, lists of at most 50 items, mappings of at most 18 keys, texts of at most 1,151 characters
 * (paragraphs of at most 401) and 10 levels; each limit leaves one or two orders of magnitude of room
 * and exists so that nothing downstream — the checks, the narrative, the PDF layout — can be made to run
 * for minutes by a file that loads. The largest file within every limit (test/robustness/largest-file.ts)
 * builds in about 7 s on an idle 2-core machine, some 3× the CPU of the real 2024 file.
 */
export const LIMITS = {
  /** Year files are a few dozen KB; anything far larger is a mistake (or an attack). */
  fileBytes: 2 * 1024 * 1024,
  /** The deepest real structure (an indicator tree inside a department evaluation) is about a dozen levels. */
  depth: 40,
  /** Keys of one mapping (basic_economic lists at most the ~100 款 of the catalogue). */
  keysPerMapping: 1000,
  /**
   * Items of one list. A very large department has a few hundred 项; each 项 is a row of 公开02, 03 and
   * 05 and an entry of 名词解释, so the PDF's layout time grows with it (1,950 项: 7 s for the tables).
   */
  listItems: 1000,
  /** Values in the whole file (scalars, lists and mappings). Also bounds how many amounts one total adds. */
  values: 50_000,
  /** Characters of one text. */
  textChars: 20_000,
  /** Characters of one paragraph (one line of a text); laying out one paragraph grows faster than its length. */
  paragraphChars: 5_000,
  /**
   * Characters of all texts together. The whole published 2024 document (tables, narrative, evaluation
   * reports) is about 55,000 characters, its year file's own texts 9,000. The PDF is laid out at roughly
   * 80,000 characters a second on a busy 2-core machine: 2 MB of text (700,000 characters) took over
   * 10 s to publish; 400,000 take about a third of the largest file's build.
   */
  totalTextChars: 400_000,
} as const;

export const MAX_FILE_BYTES = LIMITS.fileBytes;
export const MAX_DEPTH = LIMITS.depth;

/** Keys that name a JavaScript object's internals: as data they would change the object, not fill it. */
const RESERVED_KEYS = new Set(['__proto__']);

export interface LoadedFile {
  /** Path as shown in messages (relative to the working directory). */
  file: string;
  data: unknown;
  source: SourceMap;
}

export interface LoadResult {
  value?: LoadedFile;
  diagnostics: Diagnostic[];
}

/** Messages may quote what was typed (a key, a line): printable() keeps them text, whatever was typed. */
function problem(ruleId: string, file: string, line: number, message: string): Diagnostic {
  return { ruleId, severity: 'error', message: printable(message), place: { file, line } };
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function loadYamlFile(path: string): LoadResult {
  const file = displayPath(path);
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return {
        diagnostics: [
          problem('load/not-readable', file, 1, `${file} 是一个文件夹，不是年度数据文件；请给出 .yaml 文件，例如 data/2024.yaml`),
        ],
      };
    }
    const size = stat.size;
    if (size > LIMITS.fileBytes) {
      const mb = (size / 1024 / 1024).toFixed(1);
      return {
        diagnostics: [problem('load/file-too-large', file, 1, `文件过大（${mb} MB），年度文件不应超过 2 MB；请检查是否选错了文件`)],
      };
    }
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `找不到文件 ${file}` : `无法读取文件 ${file}（${code ?? String(err)}）`;
    return { diagnostics: [problem('load/not-readable', file, 1, message)] };
  }
  return loadYamlText(bytes, file);
}

export function loadYamlText(bytes: Uint8Array | string, file: string): LoadResult {
  const decoded = decodeYearFile(bytes);
  if ('problem' in decoded) return { diagnostics: [problem(decoded.problem.ruleId, file, decoded.problem.line, decoded.problem.message)] };
  let text = decoded.text;
  // A BOM (Windows Notepad's “UTF-8 with BOM”) is not part of the text; line numbers are unchanged.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    return {
      diagnostics: [problem('load/empty', file, 1, '文件是空的，没有任何数据；请确认选对了文件，或从 data/2024.yaml 复制一份再修改')],
    };
  if (text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'))) {
    return { diagnostics: [problem('load/empty', file, 1, '文件中只有注释（以 # 开头的行），没有任何数据')] };
  }

  const deep = flowNesting(text);
  if (deep) return { diagnostics: [problem('load/too-deep', file, deep.line, DEEP_BRACKETS)] };

  const lineCounter = new LineCounter();
  // uniqueKeys: false — the parser's own duplicate check compares every key with every other key of its
  // mapping (120,000 keys: minutes); the walk below does it with one Set per mapping and keeps the line.
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const syntax = explainYamlErrors(doc, text, lineCounter);
  if (syntax) return { diagnostics: [problem(syntax.ruleId, file, syntax.line, syntax.message)] };
  const diagnostics: Diagnostic[] = [];

  const source = new SourceMap(file);
  // A value of a mapping is placed on its key's line: for a block mapping or list that is the line that
  // names it (`balances:`), not the line of its first child. List items and scalars keep their own line.
  // One message per kind of refusal: a “billion laughs” file has hundreds of aliases, the first says it
  // all. Problems of the text itself (a control character, a duplicate key) are reported at each place,
  // up to a handful, since each is a separate fix.
  const refused = new Map<string, number>();
  const refuse = (ruleId: string, line: number, message: string, max = 1) => {
    const count = refused.get(ruleId) ?? 0;
    if (count >= max) return;
    refused.set(ruleId, count + 1);
    diagnostics.push(problem(ruleId, file, line, message));
  };
  const PER_PLACE = 10;
  let values = 0;
  let textChars = 0;
  /** A text as typed (a value or a key): no unsafe character, no tab inside it, not too long. */
  const checkText = (value: string, node: Scalar, what: 'value' | 'key') => {
    const unsafe = UNSAFE_CHARACTER.exec(value);
    if (unsafe) {
      refuse(
        'load/control-character',
        lineOfCharacter(text, node, value, unsafe.index, lineAt),
        unsafeCharacterMessage(unsafe[0]),
        PER_PLACE,
      );
    }
    // A tab at either end is trimmed away with the other white space; inside, the PDF prints a gap of no
    // fixed width, and two names that look alike would differ.
    const tab = what === 'key' ? value.indexOf('\t') : value.trim().indexOf('\t');
    if (tab >= 0) {
      const index = what === 'key' ? tab : value.length - value.trimStart().length + tab;
      refuse('load/control-character', lineOfCharacter(text, node, value, index, lineAt), TAB_IN_TEXT, PER_PLACE);
    }
    if (what === 'key') return;
    if (value.length > LIMITS.textChars) {
      refuse(
        'load/text-too-long',
        lineAt(node.range![0]),
        `这段文字有 ${value.length} 个字符，超过了每段文字 ${LIMITS.textChars} 个字符的上限：年度文件中最长的文字也不过一两千字；请检查是否误粘贴了整篇文档`,
        PER_PLACE,
      );
      return;
    }
    textChars += value.length;
    if (textChars > LIMITS.totalTextChars) {
      refuse(
        'load/too-much-text',
        lineAt(node.range![0]),
        `文件中的文字到本行已超过 ${LIMITS.totalTextChars / 10_000} 万字的上限：整份部门决算公开文本也只有五六万字；请检查是否误粘贴了整篇文档`,
      );
      return;
    }
    let start = 0;
    while (start <= value.length) {
      const end = value.indexOf('\n', start);
      const stop = end < 0 ? value.length : end;
      if (stop - start > LIMITS.paragraphChars) {
        refuse(
          'load/paragraph-too-long',
          lineOfCharacter(text, node, value, start, lineAt),
          `这一段有 ${stop - start} 个字符，超过了每段 ${LIMITS.paragraphChars} 个字符的上限：请在适当处分段（段落之间空一行）`,
          PER_PLACE,
        );
        return;
      }
      if (end < 0) break;
      start = end + 1;
    }
  };
  const walk = (node: YamlNode | null | undefined, path: PathSegment[], fallbackLine: number, keyLine?: number): void => {
    // A scalar keeps its own line (a plain value may stand on the line after its key).
    const line = (isScalar(node) || keyLine === undefined) && node?.range ? lineAt(node.range[0]) : (keyLine ?? fallbackLine);
    source.set(path, line);
    if (!node) return;
    if (path.length > MAX_DEPTH) {
      refuse('load/too-deep', line, `文件的层次过深（超过 ${MAX_DEPTH} 层）：年度文件的层次不超过十来层，请检查缩进和括号`);
      return;
    }
    if (++values > LIMITS.values) {
      refuse(
        'load/too-many-values',
        line,
        `文件中的数据项超过 ${LIMITS.values} 个（从本行起不再读取）：一个部门的年度文件只有几百到几千项；请确认选对了文件`,
      );
      return;
    }
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      refuse('load/alias-not-allowed', line, ALIAS_MESSAGE);
      return;
    }
    if (node.tag) {
      refuse('load/tag-not-allowed', line, tagMessage(sourceTag(text, node) ?? node.tag));
      return;
    }
    if (isScalar(node)) {
      if (node.type === 'BLOCK_LITERAL' && node.range) {
        // The header (`|`, `|-`, `|2`) is on the key's line; the text starts on the next one.
        source.setBlock(path, lineAt(node.range[0]) + 1);
      }
      if (typeof node.value === 'string') checkText(node.value, node, 'value');
    } else if (isMap(node)) {
      if (node.items.length > LIMITS.keysPerMapping) {
        refuse(
          'load/too-many-keys',
          line,
          `这一层有 ${node.items.length} 个键，超过了每层 ${LIMITS.keysPerMapping} 个的上限：年度文件中每一层只有几个到一百来个键；请检查缩进是否错位，或是否选对了文件`,
        );
        return;
      }
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyLine = key?.range ? lineAt(key.range[0]) : line;
        if (!isScalar(key)) {
          refuse('load/bad-key', keyLine, '键必须是简单的文字（例如 income、code）；「? 」开头的复杂键和以括号开头的键都不能使用');
          continue;
        }
        const name = String(key.value);
        checkText(name, key, 'key');
        if (RESERVED_KEYS.has(name)) {
          refuse(
            'load/bad-key',
            keyLine,
            `不能使用键「${name}」：这个名称在程序中有特殊含义，年度文件中也没有这个键；请删除它或改用别的名称`,
            PER_PLACE,
          );
          continue;
        }
        const first = seen.get(name);
        if (first !== undefined) {
          refuse('yaml/duplicate-key', keyLine, duplicateKeyMessage(printable(name), first, keyLine), PER_PLACE);
          continue;
        }
        seen.set(name, keyLine);
        walk(pair.value as YamlNode | null, [...path, name], keyLine, keyLine);
      }
    } else if (isSeq(node)) {
      if (node.items.length > LIMITS.listItems) {
        refuse(
          'load/too-many-items',
          line,
          `这个列表有 ${node.items.length} 项，超过了每个列表 ${LIMITS.listItems} 项的上限：年度文件中最长的列表也只有几百项；请检查是否选对了文件`,
        );
        return;
      }
      node.items.forEach((item, i) => walk(item as YamlNode | null, [...path, i], line));
    }
  };
  walk(doc.contents as YamlNode | null, [], 1);
  if (diagnostics.length) return { diagnostics };

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const contents = doc.contents as YamlNode | null;
    const line = contents?.range ? lineAt(contents.range[0]) : 1;
    const what = Array.isArray(data) ? '一个列表（以「- 」开头）' : `一段文字「${printable(String(data).slice(0, 20))}」`;
    return {
      diagnostics: [
        problem('load/not-a-mapping', file, line, `文件的内容是${what}，而年度文件应由「键: 值」组成，第一行通常是「year: 2024」`),
      ],
    };
  }
  return { value: { file, data, source }, diagnostics: [] };
}

const DEEP_BRACKETS = '括号「[」「{」或列表的「- 」嵌套了上千层，文件结构不正确；年度文件的层次不超过十来层，请确认选对了文件';

/**
 * Brackets (or `- ` list marks on one line) nested absurdly deep, found in one pass over the text before
 * the YAML parser sees it: the parser needs seconds for a file of a million `[` (and then reports only
 * that it gave up). Brackets
 * are counted everywhere outside comments, quoted text included — a real file never has a thousand
 * unclosed brackets, so the rough count can only be wrong for files that are wrong anyway.
 */
function flowNesting(text: string, limit = 1000): { line: number } | undefined {
  let depth = 0;
  let line = 1;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      comment = false;
    } else if (comment) continue;
    else if (c === 35 /* # */ && (i === 0 || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 10)) comment = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return { line };
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && depth > 0) depth -= 1;
  }
  // `- - - - a`: a list in a list in a list…, all on one line.
  const dashes = new RegExp(`^ *(?:- +){${limit}}`, 'm').exec(text);
  if (dashes) {
    let at = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < dashes.index; i = text.indexOf('\n', i + 1)) at += 1;
    return { line: at };
  }
  return undefined;
}

const TAB_IN_TEXT = '文字中间有 Tab 字符（制表符）：PDF 中会印成一段宽度不定的空白，两个看起来相同的名称也会因此不同；请改为空格或删除';

/**
 * The line of a character of a scalar's value. Inside a literal block (`|`) the value's lines are the
 * file's lines. Elsewhere the character is looked for in the scalar's source: as typed, or — for a
 * character written as an escape (`"\x1b"`, `"\u202e"`) — the first escape that is not an ordinary one.
 */
function lineOfCharacter(text: string, node: Scalar, value: string, index: number, lineAt: (offset: number) => number): number {
  if (!node.range) return 1;
  const [start, end] = node.range;
  if (node.type === 'BLOCK_LITERAL') {
    let line = lineAt(start) + 1;
    for (let i = 0; i < index && i < value.length; i++) if (value.charCodeAt(i) === 10) line++;
    return line;
  }
  const raw = text.slice(start, end);
  const ch = value[index]!;
  const asTyped = ch === '\t' || ch === '\n' ? -1 : raw.indexOf(ch);
  if (asTyped >= 0) return lineAt(start + asTyped);
  if (node.type === 'QUOTE_DOUBLE') {
    const escape = /\\(?![\\"nt /\r\n])/.exec(raw);
    if (escape) return lineAt(start + escape.index);
  }
  if (ch === '\t') {
    const tab = raw.indexOf('\t');
    if (tab >= 0) return lineAt(start + tab);
  }
  return lineAt(start);
}

/** The tag as typed (`!!python/object`), not as resolved (`tag:yaml.org,2002:python/object`). */
function sourceTag(text: string, node: YamlNode): string | undefined {
  const tok = (node as { srcToken?: { props?: { type: string; source: string }[] } }).srcToken;
  const fromToken = tok?.props?.find((p) => p.type === 'tag')?.source;
  if (fromToken) return fromToken;
  if (!node.range) return undefined;
  const before = text.slice(Math.max(0, node.range[0] - 200), node.range[0]);
  return /(![^\s]*)\s*$/.exec(before)?.[1];
}
