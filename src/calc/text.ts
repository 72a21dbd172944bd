/**
 * `{=名称}` references inside the department's own prose (情况说明「九」, evaluation reports): the only
 * way data text can quote a computed figure. Parsing lives here so the checks and the renderer agree.
 * Nothing else in data text is interpreted: `{{` and the like are printed as typed.
 *
 * Every `{=` starts a reference, and a reference either parses or carries the problem that stops it
 * from parsing (an unknown format, a reference inside a reference, a missing `}`): the text-reference
 * rule reports those as errors, so nothing the department meant as a reference is ever printed as typed.
 */
export type ReferenceFormat = '' | '%' | '%2' | '2';

/** The formats a reference may ask for (model/prose.ts formats each; the README lists them). */
export const REFERENCE_FORMATS: readonly ReferenceFormat[] = ['', '%', '%2', '2'];

export interface Reference {
  name: string;
  /** '' natural, '%' percent of a ratio, '%2' percent with two fixed places, '2' fixed two places. */
  format: ReferenceFormat;
  start: number;
  end: number;
  /** Why the text from `start` to `end` is not a reference that can be resolved (Chinese). */
  problem?: string;
}

const KNOWN = new Set<string>(REFERENCE_FORMATS);
const FORMAT_LIST = '「|%」「|%2」「|2」或不写';

/** One pass over the text: linear in its length. */
export function findReferences(text: string): Reference[] {
  const refs: Reference[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{=', from);
    if (start < 0) return refs;
    // The reference ends at the `}` that closes its `{`, counting any braces opened inside it.
    let depth = 0;
    let end = -1;
    let nested = false;
    for (let i = start; i < text.length; i++) {
      const ch = text[i];
      if (ch === '{') {
        depth += 1;
        if (i > start) nested = true;
      } else if (ch === '}' && --depth === 0) {
        end = i + 1;
        break;
      } else if (ch === '\n') break;
    }
    if (end < 0) {
      const shown = text.slice(start, Math.min(text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start), start + 20));
      refs.push({ name: '', format: '', start, end: start + 2, problem: `引用「${shown}」缺少结尾的「}」：引用应写作 {=名称}` });
      from = start + 2;
      continue;
    }
    const typed = text.slice(start, end);
    from = end;
    if (nested) {
      refs.push({ name: '', format: '', start, end, problem: `引用「${typed}」中又套了引用或花括号：引用只能写一个名称，例如 {=年度}` });
      continue;
    }
    const body = typed.slice(2, -1);
    const bar = body.indexOf('|');
    const name = (bar < 0 ? body : body.slice(0, bar)).trim();
    const format = bar < 0 ? '' : body.slice(bar + 1).trim();
    if (!name) {
      refs.push({ name, format: '', start, end, problem: `引用「${typed}」没有写名称：应写作 {=名称}` });
    } else if (bar >= 0 && (format === '' || !KNOWN.has(format))) {
      const what = format ? `未知的显示格式「|${format}」` : '「|」后面没有写显示格式';
      refs.push({ name, format: '', start, end, problem: `引用「${typed}」的${what}：显示格式只能是${FORMAT_LIST}` });
    } else {
      refs.push({ name, format: format as ReferenceFormat, start, end });
    }
  }
}

export function replaceReferences(text: string, render: (ref: Reference) => string): string {
  let out = '';
  let at = 0;
  for (const ref of findReferences(text)) {
    out += text.slice(at, ref.start) + render(ref);
    at = ref.end;
  }
  return out + text.slice(at);
}
