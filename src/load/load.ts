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
import { SourceMap, type PathSegment } from './source-map.ts';

/** Year files are a few hundred KB at most; anything far larger is a mistake (or an attack). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

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

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: '缩进不能使用 Tab 键，请改用空格',
  DUPLICATE_KEY: '同一层级出现了重复的键',
  BAD_INDENT: '缩进不正确，请检查本行与上一层级的空格数',
  MISSING_CHAR: '缺少必要的符号（例如引号、括号未闭合）',
  UNEXPECTED_TOKEN: '出现了无法识别的内容',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（可能缺少冒号后的空格或缩进有误）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能缺少冒号或引号）',
  BAD_SCALAR_START: '值的开头字符不合法，请用引号括起来',
  BAD_DQ_ESCAPE: '双引号字符串中的转义符不合法',
  MULTIPLE_DOCS: '文件只能包含一个 YAML 文档（不要使用 ---）',
  KEY_OVER_1024_CHARS: '键过长',
  BLOCK_IN_FLOW: '花括号/方括号内不能使用块格式',
  TAG_RESOLVE_FAILED: '不支持自定义标签（以 ! 开头）',
  BAD_ALIAS: '别名写法不正确',
  ALIAS_PROPS: '别名不能带标签或锚点',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点',
  MULTIPLE_TAGS: '一个值只能有一个标签',
  BAD_PROP_ORDER: '锚点与标签的顺序不正确',
  BAD_DIRECTIVE: '不支持的 YAML 指令',
  NON_STRING_KEY: '键必须是文字',
  BAD_COLLECTION_TYPE: '集合类型不正确',
};

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
    const size = statSync(path).size;
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
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { diagnostics: [problem('load/encoding', file, 1, '文件不是 UTF-8 编码（可能是 GBK），请在编辑器中以 UTF-8 另存')] };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '' || text.split('\n').every((l) => l.trim() === '' || l.trim().startsWith('#'))) {
    return { diagnostics: [problem('load/empty', file, 1, '文件为空，没有任何数据')] };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true, lineCounter, prettyErrors: false, strict: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const diagnostics: Diagnostic[] = [];
  for (const err of [...doc.errors, ...doc.warnings]) {
    const line = err.linePos?.[0]?.line ?? lineAt(err.pos[0]);
    const text = YAML_MESSAGES[err.code] ?? `YAML 格式错误（${err.code}）`;
    diagnostics.push(problem(`yaml/${err.code.toLowerCase().replace(/_/g, '-')}`, file, line, text));
  }
  if (diagnostics.length) return { diagnostics: dedupeByLine(diagnostics) };

  const source = new SourceMap(file);
  // A value of a mapping is placed on its key's line: for a block mapping or list that is the line that
  // names it (`balances:`), not the line of its first child. List items keep their own line.
  const walk = (node: YamlNode | null | undefined, path: PathSegment[], fallbackLine: number, keyLine?: number): void => {
    const line = keyLine ?? (node?.range ? lineAt(node.range[0]) : fallbackLine);
    source.set(path, line);
    if (!node) return;
    if (isAlias(node) || (node as { anchor?: string }).anchor) {
      diagnostics.push(problem('load/alias-not-allowed', file, line, '不支持 YAML 锚点和别名（& 与 *），请直接填写每一处的内容'));
      return;
    }
    if (node.tag) {
      diagnostics.push(problem('load/tag-not-allowed', file, line, `不支持 YAML 标签「${node.tag}」，请去掉以 ! 开头的标记`));
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        const keyLine = key?.range ? lineAt(key.range[0]) : line;
        if (!isScalar(key)) {
          diagnostics.push(problem('load/bad-key', file, keyLine, '键必须是简单的文字'));
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
    return { diagnostics: [problem('load/not-a-mapping', file, 1, '文件内容应为「键: 值」形式的映射（例如以 year: 开头）')] };
  }
  return { value: { file, data, source }, diagnostics: [] };
}

/** The YAML parser often reports one mistake several times on the same line; one message is enough. */
function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.place?.line}:${d.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
