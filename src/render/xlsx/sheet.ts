/**
 * One TableSpec → one worksheet: title, 公开NN表 label, the 部门/年度/单位 line, the header rows (merged
 * as the spec spans them), the body, the notes; then print setup. Layout comes only from the spec.
 * `tableSheet` lays the sheet out in memory, `sheetXml` writes it as SpreadsheetML.
 */
import { address, columnLetters } from '../../cell-address.ts';
import { cellText } from '../../model/format.ts';
import type { Cell, TableRow, TableSpec } from '../../model/table-spec.ts';
import { workbookCell, type WorkbookValue } from './cells.ts';
import { columnWidths, fitsOnePageShrunk, lineCount, MARGINS, metaSplit, rowHeight, textPx, usablePx, type CellText } from './layout.ts';
import type { CellStyle, Styles } from './styles.ts';
import { text, XML_HEAD } from './xml.ts';

const FONT_NAME = '宋体';
/** GB2312: tells Excel (and WPS) the font is Chinese, so it is not substituted by a Latin face. */
const FONT_CHARSET = 134;
const BODY_SIZE = 10;
const TITLE_SIZE = 16;

/**
 * Figures aligned right stand one indent level (about 9 px) off the right rule, as on the printed
 * forms, instead of touching it.
 */
const FIGURE_INDENT = 1;
const FIGURES = new Set(['amount', 'plain', 'percent', 'count']);
const figureIndent = (cell: Cell) => (FIGURES.has(cell.value.kind) && (cell.align ?? 'left') === 'right' ? FIGURE_INDENT : 0);

/** What a cell shows and how, for measuring: the figures as their number format displays them. */
function shown(cell: Cell): CellText {
  const out = workbookCell(cell.value);
  return {
    text: cellText(cell.value),
    wrap: out.text !== undefined,
    bold: cell.bold ?? false,
    indent: (cell.indent ?? 0) + figureIndent(cell),
  };
}

interface Look {
  size: number;
  bold?: boolean;
  horizontal: 'left' | 'center' | 'right';
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  numFmt?: string;
}

/** Every cell is vertically centred; text that may wrap wraps. */
function style(look: Look): CellStyle {
  return {
    font: { name: FONT_NAME, charset: FONT_CHARSET, size: look.size, bold: look.bold ?? false },
    horizontal: look.horizontal,
    wrap: look.wrap ?? false,
    indent: look.indent ?? 0,
    border: look.border ?? false,
    ...(look.numFmt ? { numFmt: look.numFmt } : {}),
  };
}

interface SheetCell {
  value: WorkbookValue;
  /** Index of the cell's format in styles.xml. */
  style: number;
}

/** A worksheet laid out, ready to be written: 1-based rows and columns, as in the file. */
export interface Sheet {
  name: string;
  orientation: 'portrait' | 'landscape';
  /** Column widths in Excel's character units. */
  widths: number[];
  /** Row heights in points, by row (index 0 unused). */
  heights: number[];
  cells: Map<number, Map<number, SheetCell>>;
  /** Merged ranges, `A1:F1`, in the order made. */
  merges: string[];
  /** 1 to print on one page (a sheet that would spill a few rows), 0 for as many pages down as needed. */
  fitToHeight: 0 | 1;
  /** The header rows, repeated on every printed page. */
  titleRows?: [number, number];
  frozen: { columns: number; rows: number };
  lastRow: number;
}

/** Writes a value into a range, styles every cell of it (a merged range's borders come from each cell), and merges it. */
function put(ws: Sheet, styles: Styles, top: number, left: number, bottom: number, right: number, value: WorkbookValue, look: Look) {
  if (bottom > top || right > left) ws.merges.push(`${address(top, left)}:${address(bottom, right)}`);
  const s = styles.index(style(look));
  for (let r = top; r <= bottom; r++) {
    let row = ws.cells.get(r);
    if (!row) ws.cells.set(r, (row = new Map()));
    for (let c = left; c <= right; c++) row.set(c, { value: r === top && c === left ? value : null, style: s });
  }
}

/** A line of text merged across the whole table (title, label, notes). */
function band(ws: Sheet, styles: Styles, r: number, widths: number[], text: string, look: Look) {
  put(ws, styles, r, 1, r, widths.length, text, look);
  const lines = look.wrap ? lineCount(text, look.size, usablePx(widths, 0, widths.length), look.bold ?? false) : 1;
  ws.heights[r] = rowHeight(lines, look.size) + (look.size >= TITLE_SIZE ? 6 : 0);
}

function metaLine(ws: Sheet, styles: Styles, r: number, widths: number[], meta: NonNullable<TableSpec['meta']>, size: number) {
  const [leftEnd, rightStart] = metaSplit(widths, textPx(meta.left, size), textPx(meta.right, size));
  const n = widths.length;
  put(ws, styles, r, 1, r, leftEnd + 1, meta.left, { size, horizontal: 'left' });
  if (rightStart > leftEnd + 1) put(ws, styles, r, leftEnd + 2, r, rightStart, meta.center, { size, horizontal: 'center' });
  put(ws, styles, r, rightStart + 1, r, n, meta.right, { size, horizontal: 'right' });
  ws.heights[r] = rowHeight(1, size);
}

/**
 * Writes grid rows from `top`, merging every span. Checks the grid as it goes: a null must be covered
 * by an earlier span and spans may not overlap or run off the grid — a broken spec is reported, not
 * patched. Returns the next free row.
 */
function writeGrid(ws: Sheet, styles: Styles, spec: TableSpec, rows: TableRow[], top: number, widths: number[], size: number): number {
  const n = widths.length;
  const covered = rows.map(() => new Array<boolean>(n).fill(false));
  const heights = rows.map(() => rowHeight(1, size));
  const tall: { first: number; span: number; need: number }[] = [];
  const where = (i: number, c: number) => `${spec.id} 第 ${top + i} 行第 ${c + 1} 列`;

  rows.forEach((row, i) => {
    if (row.cells.length !== n) throw new Error(`${spec.id}：第 ${top + i} 行有 ${row.cells.length} 个单元格，应为 ${n} 个`);
    row.cells.forEach((cell: Cell | null, c) => {
      if (cell === null) {
        if (!covered[i]![c]) throw new Error(`${where(i, c)}：空位没有被合并单元格覆盖`);
        return;
      }
      if (covered[i]![c]) throw new Error(`${where(i, c)}：与合并单元格重叠`);
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (i + rs > rows.length || c + cs > n) throw new Error(`${where(i, c)}：合并范围超出表格`);
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) if (dr || dc) covered[i + dr]![c + dc] = true;

      const out = workbookCell(cell.value);
      const look: Look = {
        size,
        bold: cell.bold ?? false,
        horizontal: cell.align ?? 'left',
        wrap: out.text !== undefined,
        indent: (cell.indent ?? 0) + figureIndent(cell),
        border: true,
        ...(out.numFmt ? { numFmt: out.numFmt } : {}),
      };
      put(ws, styles, top + i, c + 1, top + i + rs - 1, c + cs, out.value, look);
      if (out.text !== undefined) {
        const need = rowHeight(lineCount(out.text, size, usablePx(widths, c, cs, cell.indent ?? 0), cell.bold ?? false), size);
        if (rs === 1) heights[i] = Math.max(heights[i]!, need);
        else tall.push({ first: i, span: rs, need });
      }
    });
  });
  // A cell spanning rows may need more than its rows give it: the last row takes the difference.
  for (const t of tall) {
    const have = heights.slice(t.first, t.first + t.span).reduce((s, h) => s + h, 0);
    if (have < t.need) heights[t.first + t.span - 1]! += t.need - have;
  }
  heights.forEach((h, i) => (ws.heights[top + i] = h));
  return top + rows.length;
}

/** Excel forbids these in sheet names and caps them at 31 characters. */
function sheetName(spec: TableSpec): string {
  const name = spec.sheetName ?? spec.label ?? spec.id;
  if (name.length > 31 || /[[\]:*?/\\]/.test(name))
    throw new Error(`${spec.id}：工作表名称“${name}”不合法（最多 31 个字符，不能含 []:*?/\\）`);
  return name;
}

export function tableSheet(spec: TableSpec, styles: Styles): Sheet {
  const widths = columnWidths(spec, shown);
  const size = spec.fontSize ?? BODY_SIZE;
  const ws: Sheet = {
    name: sheetName(spec),
    orientation: spec.orientation,
    widths,
    heights: [],
    cells: new Map(),
    merges: [],
    fitToHeight: 0, // as many pages down as needed
    frozen: { columns: spec.frozenColumns ?? 0, rows: 0 },
    lastRow: 0,
  };

  let r = 1;
  band(ws, styles, r++, widths, spec.title, { size: TITLE_SIZE, bold: true, horizontal: 'center' });
  if (spec.subtitle) band(ws, styles, r++, widths, spec.subtitle, { size, horizontal: 'center', wrap: true });
  if (spec.label) band(ws, styles, r++, widths, spec.label, { size, horizontal: 'right' });
  if (spec.meta) metaLine(ws, styles, r++, widths, spec.meta, size);

  const headerTop = r;
  r = writeGrid(ws, styles, spec, spec.header, r, widths, size);
  const headerBottom = r - 1;
  r = writeGrid(ws, styles, spec, spec.body, r, widths, size);
  for (const note of spec.notes) band(ws, styles, r++, widths, note, { size, horizontal: 'left', wrap: true });
  ws.lastRow = r - 1;

  // A sheet that would spill a few rows onto a second page is printed a little smaller, on one.
  let height = 0;
  for (let row = 1; row < r; row++) height += ws.heights[row] ?? 0;
  if (fitsOnePageShrunk(height, spec.orientation)) ws.fitToHeight = 1;

  if (spec.header.length) ws.titleRows = [headerTop, headerBottom];
  ws.frozen.rows = headerBottom;
  return ws;
}

/** Interns the workbook's strings for xl/sharedStrings.xml (Excel, WPS and LibreOffice all read them). */
export class SharedStrings {
  readonly index = new Map<string, number>();
  /** String cells in all, counting repeats. */
  count = 0;

  of(s: string): number {
    this.count++;
    let n = this.index.get(s);
    if (n === undefined) this.index.set(s, (n = this.index.size));
    return n;
  }
}

/** The footer names its font, or LibreOffice sets it in a Latin face. */
const FOOTER = `&C&"${FONT_NAME},Regular"&9第 &P 页，共 &N 页`;

/** xl/worksheets/sheetN.xml, its elements in the order the schema requires. */
export function sheetXml(ws: Sheet, strings: SharedStrings): string {
  const n = ws.widths.length;
  const lastColumn = columnLetters(n);
  const { columns: x, rows: y } = ws.frozen;
  // The pane below and right of the frozen rows and columns is the one the cursor is in.
  const pane = x && y ? 'bottomRight' : x ? 'topRight' : 'bottomLeft';
  const split = `${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''}`;
  const view =
    x || y ? `<pane${split} topLeftCell="${address(y + 1, x + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>` : '';
  const cols = ws.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');

  const rows: string[] = [];
  for (let r = 1; r <= ws.lastRow; r++) {
    const cells: string[] = [];
    for (const [c, cell] of [...(ws.cells.get(r) ?? [])].sort(([a], [b]) => a - b)) {
      const ref = address(r, c);
      const v = cell.value;
      if (v === null) cells.push(`<c r="${ref}" s="${cell.style}"/>`);
      else if (typeof v === 'number') cells.push(`<c r="${ref}" s="${cell.style}"><v>${v}</v></c>`);
      else cells.push(`<c r="${ref}" s="${cell.style}" t="s"><v>${strings.of(v)}</v></c>`);
    }
    const height = ws.heights[r];
    rows.push(`<row r="${r}" spans="1:${n}"${height === undefined ? '' : ` ht="${height}" customHeight="1"`}>${cells.join('')}</row>`);
  }
  const merges = ws.merges.length
    ? `<mergeCells count="${ws.merges.length}">${ws.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const m = MARGINS;
  return (
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastColumn}${ws.lastRow}"/>` +
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0">${view}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData>${rows.join('')}</sheetData>` +
    merges +
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${ws.orientation}" fitToWidth="1" fitToHeight="${ws.fitToHeight}"/>` +
    `<headerFooter><oddFooter>${text(FOOTER)}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}

/** The sheet's defined names: its print area, and its header rows repeated on every page. */
export function printNames(ws: Sheet, sheetIndex: number, quoted: string): string {
  // Absolute rows and columns ($A$1): LibreOffice ignores a print area whose rows are relative.
  const area = `${quoted}!$A$1:$${columnLetters(ws.widths.length)}$${ws.lastRow}`;
  let names = `<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex}">${text(area)}</definedName>`;
  if (ws.titleRows) {
    const titles = `${quoted}!$${ws.titleRows[0]}:$${ws.titleRows[1]}`;
    names += `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${text(titles)}</definedName>`;
  }
  return names;
}
