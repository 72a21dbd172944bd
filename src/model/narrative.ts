/**
 * Narrative text from Handlebars templates (templates/*.hbs). One helper registry, strict compilation
 * (a misspelt field is an error, not an empty string), and a lint of the output for `undefined`, `NaN`
 * and stray `{{`. Data text is passed in as values and never compiled, so a `{{` typed in a project name
 * is printed as typed.
 *
 * Templates write a tiny markup: `# ` / `## ` / `### ` start headings of level 1–3, a blank line ends a
 * paragraph, lines of one paragraph are joined without spaces (Chinese), and `@@name` alone on a line is
 * a slot the document builder fills (e.g. the 自评表).
 */
import Handlebars from 'handlebars';
import type { Change, ExplanationCalc } from '../calc/index.ts';
import { isDec, type Dec } from '../decimal.ts';
import { chineseNumber } from './format-labels.ts';
import { readTemplate } from '../template-files.ts';
import { natural, naturalPercent, percent, textAmount } from './format.ts';

export { TEMPLATE_DIR } from '../paths.ts';

/** Data text is wrapped in these private-use marks while rendering, so the lint can skip it. */
const DATA_OPEN = '\uE000';
const DATA_CLOSE = '\uE001';

export class TemplateError extends Error {
  constructor(message: string, public readonly template: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export type NarrativeBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'slot'; name: string };

/** “比上年增加4859.38万元，增长62.34%” / “比上年减少…，下降…” / “与上年持平”; '' when last year is unknown. */
export function changeText(c: Change): string {
  if (c.direction === 'unknown') return '';
  if (c.direction === 'flat') return '与上年持平';
  const verb = c.direction === 'up' ? '增加' : '减少';
  const rateVerb = c.direction === 'up' ? '增长' : '下降';
  const head = `比上年${verb}${textAmount(c.delta!.abs())}万元`;
  // From a zero base no rate can be stated (never “增长100%”).
  return c.rate === null || c.rate === undefined ? head : `${head}，${rateVerb}${percent(c.rate)}`;
}

/** An itemised or one-sentence reason: 「年中追加了A848.1万元和B5010.6万元」. */
export function reasonText(e: ExplanationCalc | string | undefined): string {
  if (e === undefined) return '';
  if (typeof e === 'string') return e;
  const items = e.items.map((i) => `${i.text}${natural(i.amount.abs())}万元`).join(e.joiner ?? '，');
  const body = [items, e.text ?? ''].filter(Boolean).join('，');
  return `${e.lead ?? ''}${body}`;
}

const dataText = (s: string) => `${DATA_OPEN}${s}${DATA_CLOSE}`;

function createEngine(): typeof Handlebars {
  const hb = Handlebars.create();
  const helpers: Record<string, (...args: unknown[]) => unknown> = {
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
    change: (c) => changeText(c as Change),
    /** “，比上年…” with its comma, or nothing when last year is unknown. */
    cmp: (c) => {
      const t = changeText(c as Change);
      return t ? `，${t}` : '';
    },
    known: (c) => (c as Change).direction !== 'unknown',
    /** “，主要原因：…” or nothing. */
    because: (e) => {
      const t = reasonText(e as ExplanationCalc | string | undefined);
      return t ? `，主要原因：${dataText(stripEnd(t))}` : '';
    },
    reason: (e) => dataText(stripEnd(reasonText(e as ExplanationCalc | string | undefined))),
    /** Department text, printed as typed. */
    data: (s) => (s === undefined || s === null ? '' : dataText(String(s))),
    cn: (n) => chineseNumber(n as number),
    eq: (a, b) => a === b,
    or: (...values) => values.some(Boolean),
    gt0: (v) => (isDec(v) ? !v.isZero() : typeof v === 'number' ? v > 0 : false),
    join: (list, sep) => (list as string[]).join(typeof sep === 'string' ? sep : '、'),
  };
  for (const [name, fn] of Object.entries(helpers)) {
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

/** Sentences in templates add their own end punctuation; a reason typed with a final 。 would double it. */
function stripEnd(text: string): string {
  return text.replace(new RegExp(`[。；，,;.]+(${DATA_CLOSE}?)$`, 'u'), '$1');
}

const engine = createEngine();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** A template compiled once per file: the office's own (juesuan.config.json `templates`) or the built-in one. */
function template(name: string): Handlebars.TemplateDelegate {
  const file = readTemplate(`${name}.hbs`);
  let t = compiled.get(file.path);
  if (!t) {
    t = engine.compile(file.text, { strict: true, noEscape: true, preventIndent: true });
    compiled.set(file.path, t);
  }
  return t;
}

/** Renders a template and parses its markup into headings, paragraphs and slots. */
export function renderNarrative(name: string, context: object): NarrativeBlock[] {
  let out: string;
  try {
    out = template(name)(context);
  } catch (err) {
    throw new TemplateError(`模板 templates/${name}.hbs 渲染失败：${(err as Error).message}`, name);
  }
  lint(out, name);
  return parseMarkup(out);
}

/** Template output must not show the signs of a broken template, outside the data text it quotes. */
function lint(out: string, name: string): void {
  const ours = out.replace(new RegExp(`${DATA_OPEN}[^${DATA_CLOSE}]*${DATA_CLOSE}`, 'g'), '');
  for (const bad of ['undefined', 'NaN', '[object Object]', '{{', '}}', 'null']) {
    if (ours.includes(bad)) throw new TemplateError(`模板 templates/${name}.hbs 的输出中出现了「${bad}」`, name);
  }
}

/**
 * Markup is recognised only in the template's own text: a data line that happens to start with `#` or
 * `@@` (inside the data marks) stays a plain line of its paragraph.
 */
function parseMarkup(text: string): NarrativeBlock[] {
  const blocks: NarrativeBlock[] = [];
  let paragraph: string[] = [];
  const strip = (t: string) => t.replace(new RegExp(`[${DATA_OPEN}${DATA_CLOSE}]`, 'g'), '');
  const flush = () => {
    const t = strip(paragraph.join('')).trim();
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
      if (strip(line) === '') flush();
      else paragraph.push(line);
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: strip(heading[2]!).trim() });
    } else if (/^@@[\w-]+$/.test(line)) {
      flush();
      blocks.push({ kind: 'slot', name: line.slice(2) });
    } else if (strip(line) === '') {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

export { dataText };
