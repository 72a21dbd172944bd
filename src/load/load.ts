/**
 * Stage 1: read a year file into plain data plus a source map, refusing anything that is not a plain
 * YAML mapping of strings. The YAML is parsed with the failsafe schema, so every scalar stays the exact
 * text the user typed: `848.10` never becomes a float, `2012901` never loses its form, `no` never turns
 * into false. Types are given to the text by the schema stage.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../diagnostics.ts';
import { decodeYearFile } from './encoding.ts';
import { SourceMap, type PathSegment } from './source-map.ts';
import { ALIAS_MESSAGE, explainYamlErrors, tagMessage } from './yaml-errors.ts';

/** Year files are a few hundred KB at most; anything far larger is a mistake (or an attack). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Nesting allowed in a year file. The deepest real structure (an indicator tree inside a department
 * evaluation) is about a dozen levels; the limit keeps every later recursive stage far from the stack's end.
 */
export const MAX_DEPTH = 40;

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

function problem(ruleId: string, file: string, line: number, message: string): Diagnostic {
  return { ruleId, severity: 'error', message, place: { file, line } };
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
      return { diagnostics: [problem('load/not-readable', file, 1, `${file} 是一个文件夹，不是年度数据文件；请给出 .yaml 文件，例如 data/2024.yaml`)] };
    }
    const size = stat.size;
    if (size > MAX_FILE_BYTES) {
      const mb = (size / 1024 / 1024).toFixed(1);
      return { diagnostics: [problem('load/file-too-large', file, 1, `文件过大（${mb} MB），年度文件不应超过 2 MB；请检查是否选错了文件`)] };
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
  if (text.trim() === '') return { diagnostics: [problem('load/empty', file, 1, '文件是空的，没有任何数据；请确认选对了文件，或从 data/2024.yaml 复制一份再修改')] };
  if (text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'))) {
    return { diagnostics: [problem('load/empty', file, 1, '文件中只有注释（以 # 开头的行），没有任何数据')] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const syntax = explainYamlErrors(doc, text, lineCounter);
  if (syntax) return { diagnostics: [problem(syntax.ruleId, file, syntax.line, syntax.message)] };
  const diagnostics: Diagnostic[] = [];

  const source = new SourceMap(file);
  // A value of a mapping is placed on its key's line: for a block mapping or list that is the line that
  // names it (`balances:`), not the line of its first child. List items and scalars keep their own line.
  // One message per kind of refusal: a “billion laughs” file has hundreds of aliases, the first says it all.
  const refused = new Set<string>();
  const refuse = (ruleId: string, line: number, message: string) => {
    if (refused.has(ruleId)) return;
    refused.add(ruleId);
    diagnostics.push(problem(ruleId, file, line, message));
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
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      refuse('load/alias-not-allowed', line, ALIAS_MESSAGE);
      return;
    }
    if (node.tag) {
      refuse('load/tag-not-allowed', line, tagMessage(sourceTag(text, node) ?? node.tag));
      return;
    }
    if (isScalar(node) && node.type === 'BLOCK_LITERAL' && node.range) {
      // The header (`|`, `|-`, `|2`) is on the key's line; the text starts on the next one.
      source.setBlock(path, lineAt(node.range[0]) + 1);
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyLine = key?.range ? lineAt(key.range[0]) : line;
        if (!isScalar(key)) {
          refuse('load/bad-key', keyLine, '键必须是简单的文字（例如 income、code）；「? 」开头的复杂键和以括号开头的键都不能使用');
          continue;
        }
        walk(pair.value as YamlNode | null, [...path, String(key.value)], keyLine, keyLine);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item as YamlNode | null, [...path, i], line));
    }
  };
  walk(doc.contents as YamlNode | null, [], 1);
  if (diagnostics.length) return { diagnostics };

  const data = doc.toJS({ maxAliasCount: 0 }) as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const contents = doc.contents as YamlNode | null;
    const line = contents?.range ? lineAt(contents.range[0]) : 1;
    const what = Array.isArray(data) ? '一个列表（以「- 」开头）' : `一段文字「${String(data).slice(0, 20)}」`;
    return { diagnostics: [problem('load/not-a-mapping', file, line, `文件的内容是${what}，而年度文件应由「键: 值」组成，第一行通常是「year: 2024」`)] };
  }
  return { value: { file, data, source }, diagnostics: [] };
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
