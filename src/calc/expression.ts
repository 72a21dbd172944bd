/**
 * A tiny arithmetic language for figures in free-form reports (values like `=A+B` and checks like
 * `A + B = C`): decimal-only, + − × ÷ and brackets over named values. Nothing is executed; names are
 * looked up in a table, so report text can never run code.
 */
import { D, type Dec } from '../decimal.ts';

export type Value = Dec | string;
export type Lookup = (name: string) => Value | undefined;

type Token = { kind: 'num'; text: string } | { kind: 'name'; text: string } | { kind: 'op'; text: string };

const NAME = /^[\p{L}_][\p{L}\p{N}_·.（）()]*/u;

/**
 * How deep brackets and signs may nest. A report's formulas nest two or three levels; the parser is
 * recursive, so without a bound `((((…))))` 50,000 deep would overflow the stack instead of failing.
 */
export const MAX_NESTING = 50;

const WS = /\s+/y;
const NUM = /\d+(?:\.\d+)?/y;
// Names may contain full-width brackets; an ASCII bracket ends a name so (a+b) still parses.
const NAME_TOKEN = /[\p{L}_][\p{L}\p{N}_·.（）]*/uy;

/** One pass over the text with sticky patterns: linear in its length, however long. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const match = (re: RegExp, at: number) => {
    re.lastIndex = at;
    return re.exec(source)?.[0];
  };
  let at = 0;
  while (at < source.length) {
    const ws = match(WS, at);
    if (ws) {
      at += ws.length;
      continue;
    }
    const num = match(NUM, at);
    if (num) {
      tokens.push({ kind: 'num', text: num });
      at += num.length;
      continue;
    }
    const ch = source[at]!;
    if ('+-*/()×÷－'.includes(ch)) {
      const op = ch === '×' ? '*' : ch === '÷' ? '/' : ch === '－' ? '-' : ch;
      tokens.push({ kind: 'op', text: op });
      at += 1;
      continue;
    }
    const name = match(NAME_TOKEN, at);
    if (name) {
      tokens.push({ kind: 'name', text: name });
      at += name.length;
      continue;
    }
    throw new ExpressionError(`无法识别的字符「${String.fromCodePoint(source.codePointAt(at)!)}」`);
  }
  return tokens;
}

export class ExpressionError extends Error {}

/** Evaluates an arithmetic expression; throws ExpressionError with a Chinese message. */
export function evaluate(source: string, lookup: Lookup): Dec {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): Dec => {
    let left = term();
    while (peek()?.kind === 'op' && (peek()!.text === '+' || peek()!.text === '-')) {
      const op = tokens[i++]!.text;
      const right = term();
      left = op === '+' ? left.plus(right) : left.minus(right);
    }
    return left;
  };
  const term = (): Dec => {
    let left = factor();
    while (peek()?.kind === 'op' && (peek()!.text === '*' || peek()!.text === '/')) {
      const op = tokens[i++]!.text;
      const right = factor();
      if (op === '/' && right.isZero()) throw new ExpressionError('除数为零');
      left = op === '*' ? left.times(right) : left.div(right);
    }
    return left;
  };
  let depth = 0;
  const nested = <T>(fn: () => T): T => {
    if (++depth > MAX_NESTING) throw new ExpressionError(`括号或正负号嵌套超过 ${MAX_NESTING} 层，请简化算式`);
    try {
      return fn();
    } finally {
      depth -= 1;
    }
  };
  const factor = (): Dec => {
    const t = tokens[i++];
    if (!t) throw new ExpressionError('算式不完整');
    if (t.kind === 'num') return D(t.text);
    if (t.kind === 'op' && t.text === '-') return nested(() => factor().negated());
    if (t.kind === 'op' && t.text === '(') {
      const v = nested(expr);
      if (tokens[i++]?.text !== ')') throw new ExpressionError('括号不配对');
      return v;
    }
    if (t.kind === 'name') {
      const v = lookup(t.text);
      if (v === undefined) throw new ExpressionError(`未定义的名称「${t.text}」`);
      if (typeof v === 'string') throw new ExpressionError(`「${t.text}」是文字，不能参与计算`);
      return v;
    }
    throw new ExpressionError(`算式中不应出现「${t.text}」`);
  };
  const value = expr();
  if (i < tokens.length) throw new ExpressionError(`算式在「${tokens[i]!.text}」处多余`);
  return value;
}

export { NAME as NAME_PATTERN };
