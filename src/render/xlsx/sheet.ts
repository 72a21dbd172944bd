/**
 * One TableSpec → one worksheet: title, 公开NN表 label, the 部门/年度/单位 line, the header rows (merged
 * as the spec spans them), the body, the notes; then print setup. Layout comes only from the spec.
 */
import type { Alignment, Borders, Style, Workbook, Worksheet } from 'exceljs';
import { cellText } from '../../model/format.ts';
import type { Cell, TableRow, TableSpec } from '../../model/table-spec.ts';
import { workbookCell } from './cells.ts';
import { columnWidths, fitsOnePageShrunk, lineCount, MARGINS, metaSplit, rowHeight, textPx, usablePx, type CellText } from './layout.ts';

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

const thin = { style: 'thin' as const };
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

interface Look {
  size: number;
  bold?: boolean;
  horizontal: 'left' | 'center' | 'right';
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  numFmt?: string;
}

/** A fresh style object per cell: ExcelJS shares the master's style object with merged cells. */
function style(look: Look): Partial<Style> {
  const alignment: Partial<Alignment> = { horizontal: look.horizontal, vertical: 'middle', wrapText: look.wrap ?? false };
  if (look.indent) alignment.indent = look.indent;
  return {
    font: { name: FONT_NAME, charset: FONT_CHARSET, size: look.size, bold: look.bold ?? false },
    alignment,
    ...(look.border ? { border: { ...BORDER } } : {}),
    ...(look.numFmt ? { numFmt: look.numFmt } : {}),
  };
}

/** Writes a value into a range, styles every cell of it (borders come from each), and merges it. */
function put(ws: Worksheet, top: number, left: number, bottom: number, right: number, value: unknown, look: Look) {
  if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) ws.getCell(r, c).style = style(look);
  ws.getCell(top, left).value = value as never;
}

/** A line of text merged across the whole table (title, label, notes). */
function band(ws: Worksheet, r: number, widths: number[], text: string, look: Look) {
  put(ws, r, 1, r, widths.length, text, look);
  const lines = look.wrap ? lineCount(text, look.size, usablePx(widths, 0, widths.length), look.bold ?? false) : 1;
  ws.getRow(r).height = rowHeight(lines, look.size) + (look.size >= TITLE_SIZE ? 6 : 0);
}

function metaLine(ws: Worksheet, r: number, widths: number[], meta: NonNullable<TableSpec['meta']>, size: number) {
  const [leftEnd, rightStart] = metaSplit(widths, textPx(meta.left, size), textPx(meta.right, size));
  const n = widths.length;
  put(ws, r, 1, r, leftEnd + 1, meta.left, { size, horizontal: 'left' });
  if (rightStart > leftEnd + 1) put(ws, r, leftEnd + 2, r, rightStart, meta.center, { size, horizontal: 'center' });
  put(ws, r, rightStart + 1, r, n, meta.right, { size, horizontal: 'right' });
  ws.getRow(r).height = rowHeight(1, size);
}

/**
 * Writes grid rows from `top`, merging every span. Checks the grid as it goes: a null must be covered
 * by an earlier span and spans may not overlap or run off the grid — a broken spec is reported, not
 * patched. Returns the next free row.
 */
function writeGrid(ws: Worksheet, spec: TableSpec, rows: TableRow[], top: number, widths: number[], size: number): number {
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
      put(ws, top + i, c + 1, top + i + rs - 1, c + cs, out.value, look);
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
  heights.forEach((h, i) => (ws.getRow(top + i).height = h));
  return top + rows.length;
}

/** Excel forbids these in sheet names and caps them at 31 characters. */
function sheetName(spec: TableSpec): string {
  const name = spec.sheetName ?? spec.label ?? spec.id;
  if (name.length > 31 || /[\[\]:*?/\\]/.test(name))
    throw new Error(`${spec.id}：工作表名称“${name}”不合法（最多 31 个字符，不能含 []:*?/\\）`);
  return name;
}

export function addTableSheet(wb: Workbook, spec: TableSpec): void {
  const widths = columnWidths(spec, shown);
  const size = spec.fontSize ?? BODY_SIZE;
  const ws = wb.addWorksheet(sheetName(spec), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: spec.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages down as needed
      horizontalCentered: true,
      margins: MARGINS,
    },
    // The footer names its font, or LibreOffice sets it in a Latin face.
    headerFooter: { oddFooter: `&C&"${FONT_NAME},Regular"&9第 &P 页，共 &N 页` },
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  let r = 1;
  band(ws, r++, widths, spec.title, { size: TITLE_SIZE, bold: true, horizontal: 'center' });
  if (spec.subtitle) band(ws, r++, widths, spec.subtitle, { size, horizontal: 'center', wrap: true });
  if (spec.label) band(ws, r++, widths, spec.label, { size, horizontal: 'right' });
  if (spec.meta) metaLine(ws, r++, widths, spec.meta, size);

  const headerTop = r;
  r = writeGrid(ws, spec, spec.header, r, widths, size);
  const headerBottom = r - 1;
  r = writeGrid(ws, spec, spec.body, r, widths, size);
  for (const note of spec.notes) band(ws, r++, widths, note, { size, horizontal: 'left', wrap: true });

  // A sheet that would spill a few rows onto a second page is printed a little smaller, on one.
  let height = 0;
  for (let row = 1; row < r; row++) height += ws.getRow(row).height ?? 0;
  if (fitsOnePageShrunk(height, spec.orientation)) ws.pageSetup.fitToHeight = 1;

  const lastColumn = ws.getColumn(widths.length).letter;
  // `A$1:K$40`: ExcelJS only adds the `$` before the column, and LibreOffice 7.4 ignores a print area
  // with relative rows (it prints every row); `$A$1` would come out as the invalid `$$A$1`.
  ws.pageSetup.printArea = `A$1:${lastColumn}$${r - 1}`;
  if (spec.header.length) ws.pageSetup.printTitlesRow = `${headerTop}:${headerBottom}`;
  ws.views = [{ state: 'frozen', xSplit: spec.frozenColumns ?? 0, ySplit: headerBottom, showGridLines: false }];
}
