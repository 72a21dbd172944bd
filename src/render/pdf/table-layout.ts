/**
 * How a TableSpec is set on the page, measured from its content with the font's own metrics:
 * column widths, the lines of every cell, row heights, and the page orientation of a 公开表.
 *
 * - Cells are broken into lines here (cellLines): figures, codes and words are never broken, a cell
 *   that needs several lines gets lines of even length (so no line holds a single character, as in
 *   「附属单位上缴收/入」), and each line goes to pdfmake whole.
 * - Columns are as wide as their content asks (measureColumns): `need` is what a column cannot do
 *   without (figures and codes on one line, names and headers in at most two or three even lines),
 *   `want` what sets everything on one line. The page width goes first to every column's need, then
 *   to the columns whose text would wrap; once everything fits on one line, the amount columns are
 *   made alike and what is left goes in the proportions the spec gives (allocate).
 * - Orientation (orientationFor): a 公开表 is set upright when its columns at their `want` width, with
 *   an em of room each and every amount column as wide as the publication's largest figure, fit the
 *   upright page; otherwise landscape.
 */
import { textWidth, wordWidth, words, type FontSet, type Role } from '../../fonts/index.ts';
import { cellText } from '../../model/format.ts';
import type { Cell, TableRow, TableSpec } from '../../model/table-spec.ts';

/** Horizontal padding of a cell and the width of a rule, pt. */
export const PAD_X = 3;
export const LINE = 0.5;

/** Kinds of cell values that are one unbreakable figure or code. */
const FIGURES = new Set(['amount', 'plain', 'percent', 'count', 'code', 'dash']);

const roleOf = (cell: Cell): Role => (cell.bold ? 'bodyBold' : 'body');

/** The width a cell's text may take on a line, given the width of the columns it spans. */
export function cellRoom(cell: Cell, widths: readonly number[], col: number, size: number): number {
  const span = cell.colSpan ?? 1;
  const columns = widths.slice(col, col + span).reduce((a, b) => a + b, 0) + (span - 1) * (2 * PAD_X + LINE);
  return columns - (cell.indent ?? 0) * size;
}

/** Greedy lines of `text` no wider than `limit` (a word wider than the limit stands alone). */
function fill(ws: readonly string[], limit: number, width: (w: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const word of ws) {
    const ww = width(word);
    if (line && w + width(word.replace(/\s+$/u, '')) > limit) {
      lines.push(line.replace(/\s+$/u, ''));
      line = word.replace(/^\s+/u, '');
      w = width(line);
    } else {
      line += word;
      w += ww;
    }
  }
  if (line || !lines.length) lines.push(line.replace(/\s+$/u, ''));
  return lines;
}

/**
 * Where to break words of widths `ws` into `k` lines so that the widest line is as narrow as it can be
 * (the linear partition problem, exactly, by dynamic programming: cells hold a few dozen words at most).
 * Returns the index each line starts at, and the widest line's width.
 */
function evenBreaks(ws: readonly number[], k: number): { starts: number[]; widest: number } {
  const n = ws.length;
  if (n === 0) return { starts: [0], widest: 0 };
  k = Math.max(1, Math.min(k, n));
  const prefix = [0];
  for (const w of ws) prefix.push(prefix.at(-1)! + w);
  // best[j][i]: the narrowest widest line for the first i words in j lines; from[j][i]: where its last line starts.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const from = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n; i++) {
      for (let t = j - 1; t < i; t++) {
        const w = Math.max(best[j - 1]![t]!, prefix[i]! - prefix[t]!);
        if (w < best[j]![i]!) {
          best[j]![i] = w;
          from[j]![i] = t;
        }
      }
    }
  }
  const starts: number[] = [];
  for (let j = k, i = n; j > 0; j--) {
    i = from[j]![i]!;
    starts.unshift(i);
  }
  return { starts, widest: best[k]![n]! };
}

/**
 * The lines of a cell's text at `width`, as few as the width allows, a line break in the text kept.
 * Filled line by line — but in lines of even length (the widest as narrow as it can be for that many
 * lines) when that would leave a character alone on the last line, and always for a header (`even`),
 * whose lines read best alike: 「附属单位/上缴收入」, not 「附属单位上缴收/入」.
 */
export function cellLines(text: string, width: number, role: Role, size: number, fonts: FontSet, even = false): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const ws = words(paragraph);
    const width1 = (w: string) => wordWidth(w, role, size, fonts);
    const widths = ws.map(width1);
    if (widths.reduce((a, b) => a + b, 0) <= width || ws.length < 2) return [paragraph];
    const lines = fill(ws, width, width1);
    if (!even && [...lines.at(-1)!].length > 1) return lines;
    const { starts } = evenBreaks(widths, lines.length);
    return starts.map((s, i) =>
      ws
        .slice(s, starts[i + 1])
        .join('')
        .trim(),
    );
  });
}

/** The width of a text set in at most `lines` even lines (its widest line). */
function evenWidth(text: string, lines: number, role: Role, size: number, fonts: FontSet): number {
  const widths = words(text).map((w) => wordWidth(w, role, size, fonts));
  return evenBreaks(widths, lines).widest;
}

/** Lines a header may take: a short header stays on one line, a long one in two or three. */
const headerLines = (chars: number) => (chars <= 3 ? 1 : chars <= 8 ? 2 : 3);
/** Lines a name may take in a column too narrow for it. */
const nameLines = (chars: number) => (chars <= 3 ? 1 : Math.max(2, Math.ceil(chars / 12)));

export interface ColumnMeasure {
  /** What each column cannot do without. */
  need: number[];
  /** What sets everything in it on one line. */
  want: number[];
  /** Columns that hold amounts. */
  amount: boolean[];
}

/**
 * Needs and wants of each column at `size`. A cell spanning columns asks the columns it spans for what
 * they lack together, shared out in the spec's proportions.
 */
export function measureColumns(spec: TableSpec, size: number, fonts: FontSet, figure = 0): ColumnMeasure {
  // Asked for again by the orientation and by each way of fitting the table: measured once.
  const key = `${size}|${figure}`;
  let bySize = measured.get(spec);
  if (!bySize) measured.set(spec, (bySize = new Map()));
  const known = bySize.get(key);
  if (known && known.fonts === fonts) return known.m;
  const m = measure(spec, size, fonts, figure);
  bySize.set(key, { fonts, m });
  return m;
}

const measured = new WeakMap<TableSpec, Map<string, { fonts: FontSet; m: ColumnMeasure }>>();

function measure(spec: TableSpec, size: number, fonts: FontSet, figure: number): ColumnMeasure {
  const n = spec.columns.length;
  const need = new Array<number>(n).fill(0);
  const want = new Array<number>(n).fill(0);
  const amount = new Array<boolean>(n).fill(false);
  const spanning: { col: number; span: number; need: number; want: number }[] = [];
  const measure = (cell: Cell, header: boolean) => {
    const text = cellText(cell.value);
    const role = roleOf(cell);
    const indent = (cell.indent ?? 0) * size;
    const one = Math.max(0, ...text.split('\n').map((t) => textWidth(t, role, size, fonts))) + indent;
    if (FIGURES.has(cell.value.kind)) return { need: one, want: one };
    const chars = Math.max(0, ...text.split('\n').map((t) => [...t].length));
    const lines = header ? headerLines(chars) : nameLines(chars);
    const even = Math.max(0, ...text.split('\n').map((t) => evenWidth(t, lines, role, size, fonts))) + indent;
    return { need: even, want: one };
  };
  for (const [rows, header] of [
    [spec.header, true],
    [spec.body, false],
  ] as const) {
    for (const row of rows) {
      row.cells.forEach((cell, col) => {
        if (!cell) return;
        const m = measure(cell, header);
        const span = cell.colSpan ?? 1;
        if (span > 1) spanning.push({ col, span, ...m });
        else {
          need[col] = Math.max(need[col]!, m.need);
          want[col] = Math.max(want[col]!, m.want);
        }
        if (cell.value.kind === 'amount' && span === 1) amount[col] = true;
      });
    }
  }
  for (let c = 0; c < n; c++) {
    if (amount[c]) want[c] = Math.max(want[c]!, figure);
    want[c] = Math.max(want[c]!, need[c]!);
  }
  for (const s of spanning) {
    for (const [target, value] of [
      [need, s.need],
      [want, s.want],
    ] as const) {
      const cols = Array.from({ length: s.span }, (_, k) => s.col + k);
      const lack = value - (cols.reduce((a, c) => a + target[c]!, 0) + (s.span - 1) * (2 * PAD_X + LINE));
      if (lack <= 0) continue;
      const weights = cols.reduce((a, c) => a + spec.columns[c]!.width, 0);
      for (const c of cols) target[c]! += (lack * spec.columns[c]!.width) / weights;
    }
  }
  for (let c = 0; c < n; c++) want[c] = Math.max(want[c]!, need[c]!);
  return { need, want, amount };
}

/** The width of the text of all columns together, within `width` (the page's text area). */
export const innerWidth = (columns: number, width: number) => width - columns * 2 * PAD_X - (columns + 1) * LINE;

/**
 * Column widths filling `width`: every column's need first, then the room left to the columns whose
 * text would wrap (in proportion to what they lack), then, once everything is on one line, in the
 * spec's proportions.
 */
export function allocate(spec: TableSpec, m: ColumnMeasure, width: number): number[] {
  const inner = innerWidth(spec.columns.length, width);
  const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
  const rel = spec.columns.map((c) => c.width);
  if (sum(m.want) <= inner) {
    // Amount columns made alike as far as the room allows: the narrower ones raised to a common level.
    const level = (l: number) => m.want.map((w, i) => (m.amount[i] ? Math.max(w, l) : w));
    let lo = 0;
    let hi = Math.max(0, ...m.want.filter((_, i) => m.amount[i]));
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      if (sum(level(mid)) <= inner) lo = mid;
      else hi = mid;
    }
    const want = level(lo);
    const extra = inner - sum(want);
    return want.map((w, i) => w + (extra * rel[i]!) / sum(rel));
  }
  if (sum(m.need) <= inner) {
    const extra = inner - sum(m.need);
    const lack = m.want.map((w, i) => w - m.need[i]!);
    return m.need.map((w, i) => w + (extra * lack[i]!) / sum(lack));
  }
  return m.need.map((w) => (w * inner) / sum(m.need));
}

/** Column widths in the spec's proportions, filling `width` (the forms inside the text keep their design). */
export function proportional(spec: TableSpec, width: number): number[] {
  const inner = innerWidth(spec.columns.length, width);
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  return spec.columns.map((c) => (inner * c.width) / total);
}

/** Room around the content of a column when choosing the orientation: an em. */
const COMFORT_EM = 1;

/**
 * Upright when the columns fit the upright page at what they want with an em of room each (every
 * amount column as wide as the publication's largest figure, `figureEm` em); else landscape.
 */
export function orientationFor(
  spec: TableSpec,
  size: number,
  fonts: FontSet,
  figureEm: number,
  uprightWidth: number,
): 'portrait' | 'landscape' {
  const m = measureColumns(spec, size, fonts, figureEm * size);
  const content = m.want.reduce((a, b) => a + b, 0) + spec.columns.length * COMFORT_EM * size + (spec.columns.length + 1) * LINE;
  return content <= uprightWidth ? 'portrait' : 'landscape';
}

/** The widest amount among the tables, in em: what every amount column must be able to print. */
export function widestFigure(specs: readonly TableSpec[], fonts: FontSet): number {
  let widest = 0;
  for (const spec of specs) {
    for (const row of [...spec.header, ...spec.body] as TableRow[]) {
      // A figure is one word (never broken): measured whole, once per distinct figure.
      for (const cell of row.cells)
        if (cell?.value.kind === 'amount') widest = Math.max(widest, wordWidth(cellText(cell.value), roleOf(cell), 1, fonts));
    }
  }
  return widest;
}
