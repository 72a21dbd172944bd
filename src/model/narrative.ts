/**
 * Every sentence a reader sees comes from a Handlebars template in templates/ — the office's own copy
 * when juesuan.config.json names a folder that has one (src/template-files.ts). One helper registry,
 * strict compilation (a misspelt field is an error, not an empty string), a lint of the output for
 * `undefined`, `NaN` and stray `{{`, and a check that the templates use every field of their context.
 * Data text is passed in as values and never compiled, so a `{{` typed in a project name is printed as
 * typed.
 *
 * Three kinds of template:
 * - narrative (overview.hbs, explanation.hbs, glossary.hbs): a tiny markup — `# ` / `## ` / `### `
 *   start headings of level 1–3, a blank line ends a paragraph, lines of one paragraph are joined
 *   without spaces (Chinese), and `@@name` alone on a line is a slot the document builder fills;
 * - entries (document.hbs, tables.hbs, forms.hbs): named short texts, each under a `[name]` line, one
 *   text per line (a title of two lines, a table's notes);
 * - phrases (phrases/*.hbs): one phrase each — 比上年…, 主要原因…, 得…分 — used by the helpers of the
 *   other templates, so the wording of a comparison is the same everywhere and is changed in one file.
 */
import Handlebars from 'handlebars';
import type { Change, ExplanationCalc } from '../calc/index.ts';
import { isDec, type Dec } from '../decimal.ts';
import { readTemplate, type TemplateFile } from '../template-files.ts';
import { chineseNumber } from './format-labels.ts';
import { natural, naturalPercent, percent, textAmount } from './format.ts';
import { precompiled } from './precompiled-templates.ts';
import { missingFields, templateUsage, unusedFields } from './template-usage.ts';

/** Data text is wrapped in these private-use marks while rendering, so the lint can skip it. */
const DATA_OPEN = '\uE000';
const DATA_CLOSE = '\uE001';

/**
 * A template that cannot be used. In an office's own template (juesuan.config.json `templates`) it is
 * the office's to fix, and the message says where; in a built-in one it is a bug of juesuan.
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    public readonly template: string,
    public readonly overridden = false,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type NarrativeBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'slot'; name: string };

const dataText = (s: string) => `${DATA_OPEN}${s}${DATA_CLOSE}`;
const stripMarks = (t: string) => t.replace(new RegExp(`[${DATA_OPEN}${DATA_CLOSE}]`, 'g'), '');

/** “比上年增加4859.38万元，增长62.34%” / “比上年减少…，下降…” / “与上年持平”; '' when last year is unknown. */
export function changeText(c: Change): string {
  return stripMarks(changePhrase(c));
}

function changePhrase(c: Change): string {
  if (c.direction === 'unknown') return '';
  // From a zero base no rate can be stated (never “增长100%”): the phrase gets no rate then.
  return phrase('change', { direction: c.direction, delta: c.delta!.abs(), rate: c.rate ?? null });
}

/** An itemised or one-sentence reason: 「年中追加了A848.1万元和B5010.6万元」. */
export function reasonText(e: ExplanationCalc | string | undefined): string {
  return stripMarks(reasonPhrase(e));
}

function reasonPhrase(e: ExplanationCalc | string | undefined): string {
  if (e === undefined) return '';
  if (typeof e === 'string') return e;
  return phrase('reason', {
    lead: e.lead ?? '',
    items: e.items.map((i) => ({ text: i.text, amount: i.amount.abs() })),
    joiner: e.joiner ?? '，',
    text: e.text ?? '',
  });
}

/** Sentences in templates add their own end punctuation; a reason typed with a final 。 would double it. */
function stripEnd(text: string): string {
  return text.replace(new RegExp(`[。；，,;.]+(${DATA_CLOSE}?)$`, 'u'), '$1');
}

const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** 12653.82 */
  amt: (v) => textAmount(v as Dec | null),
  /** 3100 / 1964.5 */
  num: (v) => natural(v as Dec),
  /** 62.34% */
  pct: (v) => percent(v as Dec),
  /** 100% */
  npct: (v) => naturalPercent(v as Dec),
  /** A count; blank reads 0. */
  n: (v) => String(v ?? 0),
  /** 比上年… (phrases/change.hbs), or nothing when last year is unknown. */
  change: (c) => changePhrase(c as Change),
  /** “，比上年…” with its comma, or nothing when last year is unknown. */
  cmp: (c) => {
    const t = changePhrase(c as Change);
    return t ? `，${t}` : '';
  },
  known: (c) => (c as Change).direction !== 'unknown',
  /** “，主要原因：…” (phrases/because.hbs) or nothing. */
  because: (e) => {
    const t = reasonPhrase(e as ExplanationCalc | string | undefined);
    return t ? phrase('because', { text: stripEnd(t) }) : '';
  },
  reason: (e) => stripEnd(reasonPhrase(e as ExplanationCalc | string | undefined)),
  /** Department text, printed as typed. */
  data: (s) => (s === undefined || s === null ? '' : dataText(String(s))),
  cn: (n) => chineseNumber(n as number),
  eq: (a, b) => a === b,
  or: (...values) => values.some(Boolean),
  gt0: (v) => (isDec(v) ? !v.isZero() : typeof v === 'number' ? v > 0 : false),
  /** （一）（二）… for a 0-based @index. */
  paren: (i) => `（${chineseNumber((i as number) + 1)}）`,
  /** Marks a field as left out on purpose by an office's template; prints nothing. */
  omit: () => '',
};
const HELPER_NAMES: ReadonlySet<string> = new Set([...Object.keys(HELPERS), 'each', 'if', 'unless', 'with', 'lookup', 'log']);

function createEngine(): typeof Handlebars {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) {
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      try {
        return fn(...args.slice(0, -1));
      } catch (err) {
        throw new Error(`模板函数 ${name} 出错：${(err as Error).message}`);
      }
    });
  }
  return hb;
}

const engine = createEngine();
/** Strict (a misspelt field is an error), no HTML escaping, partials not re-indented. */
export const COMPILE_OPTIONS: CompileOptions = { strict: true, noEscape: true, preventIndent: true };

/** The template's render function: compiled when the bundle was made if it is that very text, else now. */
function compile(file: string, t: TemplateFile): Handlebars.TemplateDelegate {
  const spec = t.overridden ? undefined : precompiled('narrative', file, t.text, COMPILE_OPTIONS);
  return spec ? engine.template(spec) : engine.compile(t.text, COMPILE_OPTIONS);
}

interface Compiled {
  render: Handlebars.TemplateDelegate;
  overridden: boolean;
  usage: ReturnType<typeof templateUsage>;
  /** How the file is named in messages: templates/x.hbs, or the office's own path. */
  label: string;
}
const compiled = new Map<string, Compiled>();

/** A template compiled once per file: the office's own (juesuan.config.json `templates`) or the built-in one. */
function template(file: string): Compiled {
  const t = readTemplate(file);
  let c = compiled.get(t.path);
  if (!c) {
    const label = t.overridden ? t.path : `templates/${file}`;
    try {
      c = { render: compile(file, t), overridden: t.overridden, usage: templateUsage(t.text, HELPER_NAMES), label };
    } catch (err) {
      throw new TemplateError(`模板 ${label} 有语法错误：${(err as Error).message}`, file, t.overridden);
    }
    if (c.usage.bareHelpers.length) {
      const names = c.usage.bareHelpers.map((n) => `{{${n}}}`).join('、');
      throw new TemplateError(
        `模板 ${label} 中的 ${names} 是模板函数的名字，单独写时不会印出同名的数据；请写成 {{函数 数据}} 的形式，或用 {{this.字段}} 引用数据`,
        file,
        t.overridden,
      );
    }
    compiled.set(t.path, c);
  }
  return c;
}

/** Forgets compiled templates (a watched template file changed). */
export function clearTemplateCache(): void {
  compiled.clear();
}

function renderTemplate(file: string, context: object): string {
  const t = template(file);
  const missing = missingFields(context, t.usage);
  if (missing.length)
    throw new TemplateError(`模板 ${t.label} 用到了数据中没有的字段：${missing.join('、')}（可能是写错了字段名）`, file, t.overridden);
  let out: string;
  try {
    out = t.render(context);
  } catch (err) {
    throw new TemplateError(`模板 ${t.label} 渲染失败：${(err as Error).message}`, file, t.overridden);
  }
  lint(out, t, file);
  return out;
}

/** One phrase (templates/phrases/<name>.hbs), without its final line break. */
export function phrase(name: string, context: object): string {
  return renderTemplate(`phrases/${name}.hbs`, context).replace(/\n+$/, '');
}

/** Template output must not show the signs of a broken template, outside the data text it quotes. */
function lint(out: string, t: Compiled, file: string): void {
  const ours = out.replace(new RegExp(`${DATA_OPEN}[^${DATA_CLOSE}]*${DATA_CLOSE}`, 'g'), '');
  for (const bad of ['undefined', 'NaN', '[object Object]', '{{', '}}', 'null']) {
    if (ours.includes(bad)) throw new TemplateError(`模板 ${t.label} 的输出中出现了「${bad}」`, file, t.overridden);
  }
}

/**
 * Fails when the templates that share one context leave some of its fields unused (see
 * template-usage.ts). Called once per context, after all its templates are known.
 */
export function checkContextUsed(files: readonly string[], context: object): void {
  const templates = files.map(template);
  const unused = unusedFields(
    context,
    templates.map((t) => t.usage),
  );
  if (unused.length) {
    throw new TemplateError(
      `模板 ${templates.map((t) => t.label).join('、')} 没有用到这些数据：${unused.join('、')}。如果是有意不写，请在模板中写 {{omit 字段名}} 标明；否则请补上相应的句子`,
      files[0]!,
      templates.some((t) => t.overridden),
    );
  }
}

/** Renders a narrative template and parses its markup into headings, paragraphs and slots. */
export function renderNarrative(name: string, context: object): NarrativeBlock[] {
  return parseMarkup(renderTemplate(`${name}.hbs`, context));
}

/**
 * Renders an entries template: every `[name]` line starts an entry, whose non-blank lines are its
 * texts. Data marks are removed; what a renderer needs is plain text.
 */
export function renderEntries(name: string, context: object): Map<string, string[]> {
  const out = renderTemplate(`${name}.hbs`, context);
  const entries = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of out.split('\n')) {
    const line = raw.trim();
    const key = /^\[([\w.-]+)\]$/.exec(line);
    if (key) {
      current = [];
      entries.set(key[1]!, current);
    } else if (line && current) {
      current.push(stripMarks(line));
    }
  }
  return entries;
}

/** One entry's texts; a missing entry is a broken template (an office's copy lost a `[name]`). */
export function entry(entries: Map<string, string[]>, key: string, name: string): string[] {
  const lines = entries.get(key);
  if (!lines) {
    const t = template(`${name}.hbs`);
    throw new TemplateError(`模板 ${t.label} 缺少 [${key}] 一节`, name, t.overridden);
  }
  return lines;
}

/**
 * Markup is recognised only in the template's own text: a data line that happens to start with `#` or
 * `@@` (inside the data marks) stays a plain line of its paragraph.
 */
function parseMarkup(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const t = stripMarks(paragraph.join('')).trim();
    if (t) blocks.push({ kind: 'paragraph', text: t });
    paragraph = [];
  };
  let inData = false;
  for (const raw of text.split('\n')) {
    const startsInData = inData;
    for (const ch of raw) {
      if (ch === DATA_OPEN) inData = true;
      else if (ch === DATA_CLOSE) inData = false;
    }
    const line = raw.trim();
    if (startsInData) {
      if (stripMarks(line) === '') flush();
      else paragraph.push(line);
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: stripMarks(heading[2]!).trim() });
    } else if (/^@@[\w-]+$/.test(line)) {
      flush();
      blocks.push({ kind: 'slot', name: line.slice(2) });
    } else if (stripMarks(line) === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export { dataText };
