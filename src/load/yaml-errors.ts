/**
 * YAML syntax errors, explained for people who do not know YAML. The parser's own report is often at
 * the wrong place for a human — an unclosed quote is reported at the end of the file, an over-indented
 * key on the line above it — and says what the grammar expected, not what the user did. Here the first
 * error is looked at together with the text around it and turned into one message that names the
 * mistake (unclosed quote or bracket, missing space after a colon, a colon inside text, a stray
 * indent…) on the line where the user made it.
 */
import { type CST, type LineCounter, Parser, type Document, type YAMLError } from 'yaml';

export interface SyntaxProblem {
  ruleId: string;
  line: number;
  message: string;
}

/** One problem for the first error of a document (later ones are nearly always its consequences). */
export function explainYamlErrors(doc: Document, text: string, lineCounter: LineCounter): SyntaxProblem | undefined {
  const errors = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = errors[0];
  if (!first) return undefined;
  return explain(first, text, lineCounter);
}

const lineAt = (lc: LineCounter, offset: number) => lc.linePos(offset).line;

/** The text of a 1-based line without its end-of-line comment. */
function lineText(lines: string[], n: number): string {
  const raw = lines[n - 1] ?? '';
  return raw.replace(/\s+#.*$/, '').replace(/\r$/, '');
}

const indentOf = (s: string) => /^ */.exec(s)![0].length;

/** `key:value` at the start of a line (or after `- `): a key directly followed by its value. */
const NO_SPACE_AFTER_COLON = /^\s*(?:-\s+)?([A-Za-z_][\w-]*|"[^"]*"|'[^']*'):(?![\s/])(\S.*)$/;
/** `key value` with no colon at all. */
const MISSING_COLON = /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s+([^\s:#].*)$/;
/** `key: text with: a colon` — the second `: ` opens a mapping YAML does not allow there. */
const COLON_IN_TEXT = /^\s*(?:-\s+)?[^\s:#"'][^:#]*:\s+([^\s"'[{|>][^#]*?):(\s|$)/;

function explain(err: YAMLError, text: string, lc: LineCounter): SyntaxProblem {
  const lines = text.split('\n');
  const errLine = lineAt(lc, err.pos[0]);
  const endLine = lineAt(lc, Math.max(err.pos[0], err.pos[1] - 1));
  const at = (ruleId: string, line: number, message: string): SyntaxProblem => ({ ruleId, line, message });

  // A tab in the indentation confuses the parser into all kinds of reports (or none, inside a block text).
  if (/^ *\t/.test(lines[errLine - 1] ?? '')) return at('yaml/tab-indent', errLine, TAB_MESSAGE);
  // A full-width (U+3000) or no-break space (U+00A0) is not a space to YAML: the line it indents
  // becomes text, and the parser complains later; the culprit is the first such line.
  for (let n = 1; n <= errLine; n++) {
    const m = /^ *([\u3000\u00a0])/.exec(lines[n - 1] ?? '');
    if (m) {
      const name = m[1] === '\u3000' ? '全角空格「　」' : '不间断空格（常见于从网页或 Word 复制的文字）';
      return at('yaml/indent', n, `本行开头的缩进中有${name}：缩进只能用半角空格`);
    }
  }
  const raw = lineText(lines, errLine);
  if (/^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：/.test(raw)) {
    const key = /[A-Za-z_][\w-]*/.exec(raw)![0];
    return at('yaml/missing-colon', errLine, `「${key}」后面用了中文冒号「：」：键和值之间应写英文冒号加空格「: 」`);
  }
  if (/[{[][^}\]]*[，【】]/.test(raw)) {
    return at(
      'yaml/fullwidth-punctuation',
      errLine,
      '花括号或方括号中的各项要用英文逗号「,」分隔（括号也要用英文的 { } [ ]），本行用了中文标点',
    );
  }
  if (/^\s*-[^\s\d.-]/.test(lineText(lines, errLine))) {
    return at('yaml/list-dash', errLine, '列表项的「-」后面要有一个空格（例如「- code: "2012901"」）');
  }
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return at('yaml/tab-indent', errLine, TAB_MESSAGE);
    case 'MULTIPLE_DOCS':
      return at(
        'yaml/multiple-documents',
        errLine,
        '文件中出现了第二个 YAML 文档（以 --- 开头的一行）：一个年度文件只能有一份数据，请删除 --- 及其后的重复内容',
      );
    case 'RESOURCE_EXHAUSTION':
      return at('load/too-deep', errLine, '括号或缩进的嵌套层数过多，文件结构不正确；年度文件的层次不超过十来层，请确认选对了文件');
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_TAGS': {
      const tag = /^!\S*/.exec(text.slice(err.pos[0]))?.[0] ?? '!';
      return at('load/tag-not-allowed', errLine, tagMessage(tag));
    }
    case 'BAD_SCALAR_START': {
      const ch = text.slice(err.pos[0]).trimStart()[0] ?? '';
      return at(
        'yaml/needs-quotes',
        errLine,
        `以「${ch}」开头的文字须整段用引号括起来（例如 "${ch}…"），否则 YAML 会把「${ch}」当作特殊符号`,
      );
    }
    case 'BAD_DQ_ESCAPE':
      return at('yaml/bad-escape', errLine, '双引号中的反斜杠「\\」后跟了不能识别的字符；请把「\\」写成「\\\\」，或改用单引号括起这段文字');
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      return at('load/alias-not-allowed', errLine, ALIAS_MESSAGE);
    case 'BAD_DIRECTIVE':
      return at('yaml/syntax', errLine, '以「%」开头的行是 YAML 指令，年度文件中不能使用；如这是文字，请整段用引号括起来');
    case 'KEY_OVER_1024_CHARS':
      return at('yaml/syntax', errLine, '键过长（超过 1024 个字符）：可能是上一行缺少冒号，或一段文字没有写在「键: 」之后');
    case 'NON_STRING_KEY':
    case 'BAD_COLLECTION_TYPE':
      return at('load/bad-key', errLine, '键必须是简单的文字（例如 income、code）');
    default:
      break;
  }

  if (err.code === 'MISSING_CHAR' && /closing ["']quote/.test(err.message)) {
    const quote = err.message.includes('"') ? '"' : "'";
    const open = unclosedQuote(text, quote, err.pos[0]);
    const line = open === undefined ? errLine : lineAt(lc, open);
    return at(
      'yaml/unclosed-quote',
      line,
      `本行的引号 ${quote} 没有对应的结束引号：引号必须成对出现，请在这段文字的末尾补上 ${quote}（文字本身含有引号时，请改用中文引号“”）`,
    );
  }
  const flow = unclosedFlow(text);
  if (flow && (err.code === 'BAD_INDENT' || err.code === 'MISSING_CHAR' || err.code === 'UNEXPECTED_TOKEN') && flow.offset <= err.pos[0]) {
    const [open, close] = flow.open === '{' ? ['{', '}'] : ['[', ']'];
    const line = lineAt(lc, flow.offset);
    // `{ general: 120.00 #备注 }`: the comment swallows the closing bracket.
    const comment = (lines[line - 1] ?? '').slice(flow.offset - lc.lineStarts[line - 1]!).includes(' #')
      ? `（「 #」之后是注释，本行的「${close}」被当成了注释的一部分；注释请写在「${close}」之后）`
      : '';
    return at(
      'yaml/unclosed-bracket',
      line,
      `本行的「${open}」没有对应的「${close}」：括号必须在同一项内成对出现，请在这一项的末尾补上「${close}」${comment}`,
    );
  }

  // Line-based explanations of the structural errors: look at every line the error spans.
  for (let n = errLine; n <= Math.max(errLine, endLine); n++) {
    const t = lineText(lines, n);
    const m = NO_SPACE_AFTER_COLON.exec(t);
    if (m) {
      const key = m[1]!;
      const value = m[2]!.trim();
      return at('yaml/colon-space', n, `「${key}:${value}」的冒号后缺少空格，应写作「${key}: ${value}」`);
    }
  }
  const t = lineText(lines, errLine);
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' || err.code === 'MULTILINE_IMPLICIT_KEY' || err.code === 'MISSING_CHAR') {
    // A key indented further than the line above it continues that line's value.
    const next = nextContentLine(lines, errLine);
    const hasValue = /^\s*(?:-\s+)?[^\s:#][^:#]*:\s+\S/.test(t);
    if (next && hasValue && indentOf(lineText(lines, next)) > indentOf(t) && /^\s*[^\s:#]+:(\s|$)/.test(lineText(lines, next))) {
      const extra = indentOf(lineText(lines, next)) - indentOf(t);
      return at('yaml/indent', next, `本行比上一行多缩进了 ${extra} 个空格：同一层级的键必须左对齐（缩进的空格数相同）`);
    }
    if (COLON_IN_TEXT.test(t)) {
      return at(
        'yaml/needs-quotes',
        errLine,
        '这一行的文字中含有「: 」（英文冒号加空格），YAML 会把它当作新的键；请把整段文字用引号括起来，或改用中文冒号「：」',
      );
    }
    const m = MISSING_COLON.exec(t);
    if (m && !t.includes(':')) {
      return at(
        'yaml/missing-colon',
        errLine,
        `「${m[1]}」后面缺少冒号：键和值之间应写「: 」（冒号加空格），例如「${m[1]}: ${m[2]!.trim()}」`,
      );
    }
  }
  // `{ code: … }` under a list whose other items start with `- `.
  if (/^\s*[{[]/.test(t)) {
    const prev = previousContentLine(lines, errLine);
    if (prev && /^\s*- /.test(lineText(lines, prev))) {
      return at('yaml/list-dash', errLine, '本行缺少列表项开头的「- 」：列表中的每一项都以「- 」开头，并与上一项对齐');
    }
  }
  if (err.code === 'BAD_INDENT') {
    return at('yaml/indent', errLine, '本行的缩进与同一层级的其他行不一致：同一层级的键或列表项必须左对齐（缩进的空格数相同）');
  }
  if (err.code === 'UNEXPECTED_TOKEN' && /^\s*(?:-\s+)?[^:#]*:\s+["'[{]/.test(t)) {
    return at(
      'yaml/needs-quotes',
      errLine,
      '这一行的值以引号或括号开头，后面却还有文字；如果整段都是文字，请把整段用引号括起来（例如 "「试点」项目"），或改用中文引号和括号',
    );
  }
  if (err.code === 'MISSING_CHAR' && /separated from other tokens/.test(err.message)) {
    return at('yaml/syntax', errLine, '「#」之前要有空格才是注释；如「#」是文字的一部分，请把整段文字用引号括起来');
  }
  return at('yaml/syntax', errLine, '这一行的写法不正确：请检查冒号后是否有空格、缩进是否与同一层级对齐、含特殊符号的文字是否加了引号');
}

const TAB_MESSAGE = '缩进中有 Tab 键：缩进只能用空格（请把本行开头的 Tab 换成空格；编辑器中可设置「用空格代替 Tab」）';

export const ALIAS_MESSAGE =
  '不支持 YAML 锚点和别名（& 与 *）：请直接填写每一处的内容；如果「&」或「*」是文字的开头，请把整段文字用引号括起来';

export function tagMessage(tag: string): string {
  return `不支持 YAML 标签「${tag}」：年度文件中不能使用以 ! 开头的标记；如果这是文字，请把整段文字用引号括起来`;
}

function previousContentLine(lines: string[], before: number): number | undefined {
  for (let n = before - 1; n >= 1; n--) if (lineText(lines, n).trim() !== '' && !lines[n - 1]!.trim().startsWith('#')) return n;
  return undefined;
}

function nextContentLine(lines: string[], after: number): number | undefined {
  for (let n = after + 1; n <= lines.length; n++) if (lineText(lines, n).trim() !== '' && !lines[n - 1]!.trim().startsWith('#')) return n;
  return undefined;
}

/** Walks the concrete syntax tree without recursion (a hostile file may nest very deeply). */
function* cstTokens(text: string): Generator<Record<string, unknown>> {
  const stack: unknown[] = [...new Parser().parse(text)];
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    if (Array.isArray(t)) {
      for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
      continue;
    }
    const tok = t as Record<string, unknown>;
    if (typeof tok.type === 'string') yield tok;
    for (const k of ['value', 'key', 'sep', 'start', 'items', 'end', 'props'] as const) {
      if (tok[k] && typeof tok[k] === 'object') stack.push(tok[k]);
    }
  }
}

/** Offset of the quoted scalar that is still open where the parser gave up. */
function unclosedQuote(text: string, quote: string, before: number): number | undefined {
  const type = quote === '"' ? 'double-quoted-scalar' : 'single-quoted-scalar';
  let found: number | undefined;
  for (const tok of cstTokens(text)) {
    if (tok.type !== type || typeof tok.offset !== 'number' || typeof tok.source !== 'string') continue;
    if (tok.offset > before || isClosed(tok.source, quote)) continue;
    if (found === undefined || tok.offset < found) found = tok.offset;
  }
  return found;
}

function isClosed(source: string, quote: string): boolean {
  for (let i = 1; i < source.length; i++) {
    const c = source[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return i === source.length - 1;
    }
  }
  return false;
}

/** The first flow collection (`{…}` or `[…]`) whose closing bracket is missing. */
function unclosedFlow(text: string): { offset: number; open: string } | undefined {
  let found: { offset: number; open: string } | undefined;
  for (const tok of cstTokens(text)) {
    if (tok.type !== 'flow-collection') continue;
    const start = tok.start as CST.SourceToken;
    const end = (tok.end as CST.SourceToken[]) ?? [];
    const close = start.source === '{' ? '}' : ']';
    if (end.some((e) => e.source === close)) continue;
    if (!found || start.offset < found.offset) found = { offset: start.offset, open: start.source };
  }
  return found;
}

/** “键「year」重复：第 1 行已经写过” (the check itself is the loader's: one Set per mapping). */
export function duplicateKeyMessage(name: string, firstLine: number, line: number): string {
  return `键「${name}」重复：${firstLine === line ? '本行前面' : `第 ${firstLine} 行`}已经写过。同一层级每个键只能出现一次；如果是两笔数据，请分别写成列表中的两项`;
}
