/**
 * Sizes for the worksheet, from the text measured with the font's real metrics (the advance widths of
 * the faces fonts/ loads, the ones the PDF is set with): each column as wide as its content needs, the page
 * filled, no header or name broken with one character left on a line, and row heights from the number
 * of lines each cell really wraps to. Heights are set explicitly because Excel never auto-fits a row
 * whose wrapped text sits in a merged cell and because Excel, WPS and LibreOffice auto-fit differently;
 * an explicit height prints the same everywhere.
 *
 * Units. Excel stores a column width in “characters”: multiples of the maximum digit width of the
 * workbook's default font, padding included. Its default font is Calibri 11 (styles.ts; LibreOffice uses
 * the metric-compatible Carlito), whose digits are 7 px wide at 96 dpi, so a column of width w is
 * 7·w px = 5.25·w pt wide in Excel; LibreOffice adds 5 px of padding to that. Inside, the cell keeps a
 * margin of about 3 px on each side in Excel, 1 px in LibreOffice. Text is set in 宋体 at the table's size; its ideographs are one em
 * wide like those of the measured face, its digits half an em against the measured face's ~0.56 em, so
 * the measure errs wide for figures, and text is given 5 % more room than measured for the differences
 * between screens, printers and substituted faces.
 */
import { createRequire } from 'node:module';
import { loadFonts } from '../../fonts/index.ts';
import type { Cell, TableSpec } from '../../model/table-spec.ts';

/** Excel's width unit: the max digit width of the default font (Calibri 11) at 96 dpi. */
const DIGIT_PX = 7;
const PT_PER_PX = 0.75;
/** The cell's inner margin (both sides) and the room each text is given beyond its measure. */
const CELL_MARGIN_PX = 6;
/**
 * LibreOffice reads a stored width as characters without the padding and adds 5 px to each column,
 * and keeps about 1 px of margin: its cells are roomier than Excel's.
 */
const COLUMN_PADDING_PX = 5;
const LIBREOFFICE_MARGIN_GAIN_PX = CELL_MARGIN_PX - 1;
const SLACK = 1.05;
/** One indent level in Excel and LibreOffice at 100 %: about 9 px. */
export const INDENT_PX = 9;
/** Page margins in inches (the footer holds the page number). */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 (8.27 × 11.69 in) less the side margins, in px at 96 dpi. */
const PRINTABLE_PX = {
  portrait: (8.27 - MARGINS.left - MARGINS.right) * 96,
  landscape: (11.69 - MARGINS.left - MARGINS.right) * 96,
};

// ─── Measuring and wrapping ────────────────────────────────────────────────────────────────────────

/**
 * fontkit's view of a face, for advance widths only. fonts/ textWidth shapes a run (fontkit layout),
 * which costs a third of a second on the first call for a CJK face; a glyph's advance from the font's
 * metrics table is all the workbook needs (ideographs do not kern) and costs a millisecond. The face
 * bytes are those fonts/ loaded: the same metrics the PDF is set with.
 */
interface AdvanceFont {
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
const faces = new Map<string, AdvanceFont>();
function face(role: 'body' | 'bodyBold'): AdvanceFont {
  const fonts = loadFonts();
  const f = fonts.faces.find((x) => x.family === fonts.family[role])!;
  let font = faces.get(f.path);
  if (!font) {
    font = (createRequire(import.meta.url)('fontkit') as { create(b: Buffer): AdvanceFont }).create(f.bytes);
    faces.set(f.path, font);
  }
  return font;
}

/** Advance widths in px at 1 pt, per face and character: the few hundred characters of a workbook. */
const advances = new Map<string, number>();

/**
 * Width in px of `text` in 宋体 at `sizePt`, measured with the body face (bold with the bold face), times
 * `slack` (the room given beyond the measure; 1 for the text as measured). Character by character:
 * ideographs do not kern, and summing cached advances keeps the many trial wraps cheap.
 */
export function textPx(text: string, sizePt: number, bold = false, slack = SLACK): number {
  return addEm(0, text, bold) * sizePt * slack;
}

/** `em` plus the advances of `text`'s characters, added one by one (so a line can be measured as it grows). */
function addEm(em: number, text: string, bold: boolean): number {
  // Looked up once per call, not per new character: finding the face means reading the configuration.
  let font: AdvanceFont | undefined;
  for (const ch of text) {
    const key = `${bold ? 'b' : 'r'}${ch}`;
    let w = advances.get(key);
    if (w === undefined) {
      font ??= face(bold ? 'bodyBold' : 'body');
      w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / font.unitsPerEm / PT_PER_PX;
      advances.set(key, w);
    }
    em += w;
  }
  return em;
}

/** No line starts with these (closing punctuation) … */
const NO_START = /^[，。、；：？！）」』》〉”’%％,.;:?!)\]}]/;
/** … and none ends with these (opening punctuation). */
const NO_END = /[（「『《〈“‘([{]$/;

/**
 * Units a line may break between, as spreadsheet programs break East Asian text: between any two
 * ideographs, never inside a run of Latin letters or digits (1,234.56 / 100万元 keeps “100”), never
 * before closing or after opening punctuation.
 */
function breakUnits(text: string): readonly string[] {
  // The same cell text is wrapped at several widths (column sizing, orphan checks): split it once.
  let units = unitsOf.get(text);
  if (!units) {
    if (unitsOf.size >= 10_000) unitsOf.clear();
    unitsOf.set(text, (units = splitUnits(text)));
  }
  return units;
}

const unitsOf = new Map<string, readonly string[]>();

function splitUnits(text: string): string[] {
  const units: string[] = [];
  for (const piece of text.match(/[A-Za-z0-9.,%\-+]+|\s+|[^A-Za-z0-9.,%\-+\s]/g) ?? []) {
    const last = units[units.length - 1];
    if (last !== undefined && (NO_START.test(piece) || NO_END.test(last))) units[units.length - 1] = last + piece;
    else units.push(piece);
  }
  return units;
}

/** The lines `text` wraps to in `px` of room (greedy, as Excel and LibreOffice fill a line). */
export function wrapLines(text: string, sizePt: number, px: number, bold = false, slack = SLACK): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    // The line's width so far, in em: adding a unit's characters to it gives textPx(line + unit) exactly.
    let em = 0;
    for (const unit of breakUnits(paragraph)) {
      const trial = addEm(em, unit, bold);
      if (line && trial * sizePt * slack > px) {
        out.push(line);
        line = unit.trimStart();
        em = addEm(0, line, bold);
      } else {
        line += unit;
        em = trial;
      }
    }
    out.push(line);
  }
  return out;
}

export function lineCount(text: string, sizePt: number, px: number, bold = false): number {
  return wrapLines(text, sizePt, px, bold).length;
}

/**
 * Row height in points for `lines` lines of `sizePt` text: 宋体 and its fallbacks need about 1.35 em a
 * line, and 3 pt keep the text off the rules (the PDF's rows are as tight: 1.25 em and 3.25 pt).
 */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.round((lines * sizePt * 1.35 + 3) * 4) / 4;
}

// ─── Column widths ─────────────────────────────────────────────────────────────────────────────────

/** Width in px of a run of columns as Excel draws them. */
const spanPx = (widthsPx: number[], first: number, span: number) => widthsPx.slice(first, first + span).reduce((s, w) => s + w, 0);

/** Room for text in a run of columns (Excel units), less the cell's margins and its indent. */
export function usablePx(widths: number[], first: number, span: number, indent = 0): number {
  return Math.max(
    spanPx(
      widths.map((w) => w * DIGIT_PX),
      first,
      span,
    ) -
      CELL_MARGIN_PX -
      indent * INDENT_PX,
    DIGIT_PX,
  );
}

/** What the workbook shows in a cell, and how: the text, whether it may wrap, its indent in levels. */
export interface CellText {
  text: string;
  wrap: boolean;
  bold: boolean;
  indent: number;
}

/**
 * The width in px a cell needs: a figure or code on one line; a text on one line when it is a name in
 * the body, and on two balanced lines when it is a header longer than four characters (so a narrow
 * figure column is not widened for its heading).
 */
function needPx(cell: CellText, size: number, header: boolean): number {
  const pad = CELL_MARGIN_PX + cell.indent * INDENT_PX;
  if (!cell.text) return 0;
  if (!cell.wrap || !header || [...cell.text].length <= 4)
    return Math.max(...cell.text.split('\n').map((t) => textPx(t, size, cell.bold))) + pad;
  return balancedPx(cell.text, size, cell.bold) + pad;
}

/** The narrowest room in which `text` wraps to two lines (or stays on one when it cannot split). */
function balancedPx(text: string, size: number, bold: boolean): number {
  const units = breakUnits(text);
  let best = textPx(text, size, bold);
  for (let k = 1; k < units.length; k++) {
    const w = Math.max(textPx(units.slice(0, k).join(''), size, bold), textPx(units.slice(k).join('').trimStart(), size, bold));
    best = Math.min(best, w);
  }
  return Math.ceil(best) + 1;
}

/** A wrapped text whose last line is a single character (「附属单位上缴收/入」). */
export function hasOrphan(lines: string[]): boolean {
  return lines.length > 1 && [...lines[lines.length - 1]!.trim()].length === 1;
}

/**
 * Whether `text` may end with one character alone in `room` px of a cell over `span` columns. Programs
 * differ a little in what they draw: the text as measured or up to the slack wider, and the room as
 * Excel gives it or more (LibreOffice adds 5 px of padding to each column's stored width and keeps a
 * margin of about 1 px), so each combination is tried.
 */
function orphanRisk(text: string, size: number, room: number, bold: boolean, span = 1): boolean {
  const rooms = [room, room + COLUMN_PADDING_PX * span + LIBREOFFICE_MARGIN_GAIN_PX];
  return [1, SLACK].some((slack) => rooms.some((r) => hasOrphan(wrapLines(text, size, r, bold, slack))));
}

/**
 * Column widths in Excel characters. Each column gets what its widest single-column cell needs, and
 * columns of figures share one width; cells spanning columns widen their columns when these are too
 * narrow together; the rest of the page width is shared out in proportion, so the sheet prints at
 * about 100 % as the PDF fills its page (a table too wide for the page narrows its name columns,
 * wrapping them, and fitToWidth does the rest). Finally no text may wrap with one character alone on
 * its last line: its column is narrowed or widened by the little it takes, the room going to or coming
 * from the column with the most to spare.
 */
export function columnWidths(spec: TableSpec, cellText: (cell: Cell) => CellText): number[] {
  const size = spec.fontSize ?? 10;
  const n = spec.columns.length;
  const rows = [...spec.header.map((r) => ({ r, header: true })), ...spec.body.map((r) => ({ r, header: false }))];
  const cells: { c: number; span: number; cell: CellText; header: boolean; figure: boolean }[] = [];
  for (const { r, header } of rows) {
    r.cells.forEach((cell, c) => {
      if (cell) cells.push({ c, span: cell.colSpan ?? 1, cell: cellText(cell), header, figure: FIGURES.has(cell.value.kind) });
    });
  }
  const pad = (cell: CellText) => CELL_MARGIN_PX + cell.indent * INDENT_PX;

  const need = new Array<number>(n).fill(DIGIT_PX * 2);
  /** The least a column may shrink to: its figures and codes on one line, its names on two. */
  const floor = new Array<number>(n).fill(DIGIT_PX * 2);
  for (const { c, span, cell, header } of cells) {
    if (span !== 1) continue;
    const w = needPx(cell, size, header);
    need[c] = Math.max(need[c]!, w);
    floor[c] = Math.max(floor[c]!, cell.wrap && !header && cell.text ? balancedPx(cell.text, size, cell.bold) + pad(cell) : w);
  }
  // The columns of figures (every body cell a figure or blank) share one width, as on printed forms.
  const figures = need.map(
    (_, c) =>
      cells.some((x) => x.c === c && !x.header && x.span === 1 && x.figure) &&
      cells.every((x) => x.c !== c || x.header || x.span !== 1 || x.figure || !x.cell.text),
  );
  const group = need.map((_, c) => (figures[c] ? need.map((_, k) => k).filter((k) => figures[k]) : [c]));
  for (const c of group[figures.indexOf(true)] ?? []) {
    need[c] = Math.max(...group[c]!.map((k) => need[k]!));
    floor[c] = Math.max(...group[c]!.map((k) => floor[k]!));
  }
  for (const { c, span, cell, header } of cells) {
    if (span === 1) continue;
    const missing = needPx(cell, size, header) - spanPx(need, c, span);
    if (missing > 0) for (let k = c; k < c + span; k++) need[k]! += missing / span;
  }

  // Less LibreOffice's padding, so it prints at 100 % too (in Excel the table is a few mm narrower).
  const available = PRINTABLE_PX[spec.orientation] - COLUMN_PADDING_PX * n;
  const total = need.reduce((sum, w) => sum + w, 0);
  let px: number[];
  if (total <= available) {
    px = need.map((w) => (w * available) / total);
  } else {
    // Too wide: narrow the columns that can wrap, in proportion to what each can give.
    const give = need.map((w, c) => Math.max(0, w - floor[c]!));
    const canGive = give.reduce((sum, g) => sum + g, 0);
    const cut = Math.min(1, (total - available) / (canGive || 1));
    px = need.map((w, c) => w - give[c]! * cut);
  }

  // No orphans. The change is made to the cell's last column (and to every column of its group, so
  // figure columns stay alike), and balanced by the column outside the group with the most to spare.
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const { c, span, cell } of cells) {
      if (!cell.wrap || !cell.text) continue;
      const room = (w: number[]) => spanPx(w, c, span) - pad(cell);
      if (!orphanRisk(cell.text, size, room(px), cell.bold, span)) continue;
      const last = c + span - 1;
      const members = group[last]!;
      const spare = px.map((w, k) => (members.includes(k) || (k >= c && k <= last) ? -Infinity : w - need[k]!));
      const donor = spare.indexOf(Math.max(...spare));
      const tryDelta = (delta: number) => {
        const next = px.map((w, k) => (members.includes(k) ? w + delta : w));
        next[donor]! -= delta * members.length;
        return next;
      };
      // Wider, to one line; or narrower, by the least that leaves two or more characters on the line.
      const wider = textPx(cell.text, size, cell.bold) - room(px) + 1;
      let narrower = 0;
      while (narrower < 4 * size * 2 && orphanRisk(cell.text, size, room(px) - narrower, cell.bold, span)) narrower += 1;
      const options = [wider, -narrower].sort((a, b) => Math.abs(a) - Math.abs(b));
      for (const delta of options) {
        const next = tryDelta(delta);
        const fits = members.every((k) => next[k]! >= floor[k]!) && (donor < 0 || next[donor]! >= floor[donor]!);
        if (fits && !orphanRisk(cell.text, size, room(next), cell.bold, span)) {
          px = next;
          changed = true;
          break;
        }
      }
    }
    if (!changed) break;
  }
  // The 部门 / 年度 / 单位 line: where its runs of columns (metaSplit) are too narrow for a text (公开10
  // has three columns), the run's last column takes the room from the column with the most to spare.
  if (spec.meta) {
    const texts = [spec.meta.left, spec.meta.center, spec.meta.right].map((t) => textPx(t, size));
    for (let pass = 0; pass < 3; pass++) {
      const units = px.map((w) => w / DIGIT_PX);
      const [leftEnd, rightStart] = metaSplit(units, texts[0], texts[2]);
      const runs: [number, number][] = [
        [0, leftEnd + 1],
        [leftEnd + 1, rightStart - leftEnd - 1],
        [rightStart, px.length - rightStart],
      ];
      const short = runs.map(([c, span], i) => (span > 0 ? texts[i]! + CELL_MARGIN_PX - spanPx(px, c, span) : 0));
      const worst = short.indexOf(Math.max(...short));
      if (short[worst]! <= 0) break;
      const [c, span] = runs[worst]!;
      const last = c + span - 1;
      const members = group[last]!.includes(last) && group[last]!.length > 1 ? group[last]! : [last];
      const spare = px.map((w, k) => ((k >= c && k <= last) || members.includes(k) ? -Infinity : w - need[k]!));
      const donor = spare.indexOf(Math.max(...spare));
      const delta = Math.min(short[worst]!, spare[donor]! / members.length);
      if (delta <= 0) break;
      for (const k of members) px[k]! += delta;
      px[donor]! -= delta * members.length;
    }
  }
  return px.map((w) => Math.round((w / DIGIT_PX) * 100) / 100);
}

const FIGURES = new Set(['amount', 'plain', 'percent', 'count', 'dash']);

/** Printable height of an A4 page in points, less the top and bottom margins. */
export const PRINTABLE_HEIGHT_PT = {
  portrait: (11.69 - MARGINS.top - MARGINS.bottom) * 72,
  landscape: (8.27 - MARGINS.top - MARGINS.bottom) * 72,
};

/**
 * Whether a sheet `heightPt` tall should be shrunk onto one page: when it would spill a few rows onto a
 * second page (at most a fifth of a page), as the PDF fits a table that nearly fits.
 */
export function fitsOnePageShrunk(heightPt: number, orientation: 'portrait' | 'landscape'): boolean {
  const page = PRINTABLE_HEIGHT_PT[orientation];
  return heightPt > page && heightPt <= page * 1.2;
}

/**
 * Splits the columns into three runs for the 部门 / 年度 / 单位 line: the boundaries nearest a third
 * and two thirds of the width, each run at least one column, then the outer runs widened until the
 * department's name and the unit fit on one line (a long name is not cut off at its column's edge).
 * `leftPx` and `rightPx` are the widths the two texts need. Returns [leftEnd, rightStart] (0-based).
 */
export function metaSplit(widths: number[], leftPx = 0, rightPx = 0): [number, number] {
  const n = widths.length;
  if (n < 3) return [0, Math.max(n - 1, 0)];
  const total = widths.reduce((s, w) => s + w, 0);
  const edges: number[] = [];
  widths.reduce((s, w) => (edges.push(s + w), s + w), 0);
  const nearest = (target: number, from: number, to: number) => {
    let best = from;
    for (let i = from; i <= to; i++) if (Math.abs(edges[i]! - target) < Math.abs(edges[best]! - target)) best = i;
    return best;
  };
  let leftEnd = nearest(total / 3, 0, n - 3);
  while (leftEnd < n - 3 && usablePx(widths, 0, leftEnd + 1) < leftPx) leftEnd++;
  let rightStart = nearest((2 * total) / 3, leftEnd + 1, n - 2) + 1;
  while (rightStart > leftEnd + 2 && usablePx(widths, rightStart, n - rightStart) < rightPx) rightStart--;
  return [leftEnd, rightStart];
}
