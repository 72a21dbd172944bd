/**
 * A TableSpec as pdfmake content: title, subtitle, 公开NN表 label, the 部门/年度/单位 line, the grid and
 * its notes. The spec is shared with the workbook, so nothing is reinterpreted here: spans, widths,
 * alignment, bold and indent come from the spec, cell text from cellText() (model/format.ts).
 */
import type { Content, CustomTableLayout, Margins, TableCell } from 'pdfmake/interfaces.js';
import type { Cell, TableRow, TableSpec } from '../../model/table-spec.ts';
import { cellText } from '../../model/format.ts';
import { textWidth, type FontSet } from '../../fonts/index.ts';
import { lineHeightFor, SIZE } from './style.ts';

const NUMERIC = new Set(['amount', 'plain', 'percent', 'count']);
const DEFAULT_SIZE = 9;
const LINE = 0.5;
const PAD_X = 3;
const PAD_Y = 1.25;

/** Thin black rules on every cell, as the printed forms have. */
export const GRID_LAYOUT: CustomTableLayout = {
  hLineWidth: () => LINE,
  vLineWidth: () => LINE,
  paddingLeft: () => PAD_X,
  paddingRight: () => PAD_X,
  paddingTop: () => PAD_Y,
  paddingBottom: () => PAD_Y,
};

/** Column widths in points from the spec's relative widths, so the grid fills `width` exactly. */
export function columnWidths(spec: TableSpec, width: number): number[] {
  const n = spec.columns.length;
  const usable = width - n * 2 * PAD_X - (n + 1) * LINE;
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  return spec.columns.map((c) => (usable * c.width) / total);
}

/**
 * A cell for pdfmake. Body cells are centred vertically by pdfmake; header cells get an explicit top
 * offset instead (`top`), because pdfmake misplaces row-spanning cells of repeated header rows
 * (pdfmake#2925), and the 公开表 headers are full of them.
 */
function cellContent(cell: Cell | null, fonts: FontSet, size: number, top?: number): TableCell {
  // A position covered by a row or column span: pdfmake wants an empty placeholder there.
  if (!cell) return {};
  const numeric = NUMERIC.has(cell.value.kind);
  const out: Record<string, unknown> = {
    text: cellText(cell.value),
    alignment: cell.align ?? (numeric ? 'right' : 'left'),
  };
  if (top === undefined) out.verticalAlignment = 'middle';
  if (cell.bold) out.font = fonts.family.bodyBold;
  if (cell.colSpan && cell.colSpan > 1) out.colSpan = cell.colSpan;
  if (cell.rowSpan && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
  if (cell.indent || top) out.margin = [(cell.indent ?? 0) * size, top ?? 0, 0, 0];
  return out as TableCell;
}

/**
 * Top offsets that centre each header cell in the rows it spans. Row heights are estimated the way
 * pdfmake sets them: lines of text (wrapped at the cell's width, measured with fontkit) times the line
 * pitch, the tallest single-row cell deciding, and a spanning cell that needs more growing its last row.
 */
function headerOffsets(rows: readonly TableRow[], widths: readonly number[], fonts: FontSet, size: number, pitch: number): (number | undefined)[][] {
  const lines = (cell: Cell, col: number) => {
    const span = cell.colSpan ?? 1;
    const room = widths.slice(col, col + span).reduce((a, b) => a + b, 0) + (span - 1) * (2 * PAD_X + LINE) - (cell.indent ?? 0) * size;
    const text = cellText(cell.value);
    return Math.max(1, ...text.split('\n').map((t) => Math.ceil(textWidth(t, cell.bold ? 'bodyBold' : 'body', size, fonts) / room)));
  };
  const gap = 2 * PAD_Y + LINE;
  const height = rows.map((row) => Math.max(pitch, ...row.cells.map((c, i) => (c && (c.rowSpan ?? 1) === 1 ? lines(c, i) * pitch : 0))));
  const spanned = (r: number, span: number) => height.slice(r, r + span).reduce((a, b) => a + b, 0) + (span - 1) * gap;
  rows.forEach((row, r) =>
    row.cells.forEach((c, i) => {
      const span = Math.min(c?.rowSpan ?? 1, rows.length - r);
      if (c && span > 1) height[r + span - 1]! += Math.max(0, lines(c, i) * pitch - spanned(r, span));
    }),
  );
  return rows.map((row, r) =>
    row.cells.map((c, i) => {
      if (!c) return undefined;
      const span = Math.min(c.rowSpan ?? 1, rows.length - r);
      return Math.max(0, (spanned(r, span) - lines(c, i) * pitch) / 2);
    }),
  );
}

export interface TableOptions {
  fonts: FontSet;
  /** Width of the page's text area. */
  width: number;
  /** Destination id of the title (for the TOC and bookmarks). */
  id?: string;
  /** Extra properties for the title node (bookmark). */
  titleProps?: Record<string, unknown>;
}

export function tableContent(spec: TableSpec, opts: TableOptions): Content[] {
  const { fonts } = opts;
  const f = fonts.family;
  const size = spec.fontSize ?? DEFAULT_SIZE;
  const small = { font: f.body, fontSize: SIZE.wu };
  const out: Content[] = [];

  out.push({
    text: spec.title,
    font: f.title,
    fontSize: 18,
    alignment: 'center',
    lineHeight: lineHeightFor(fonts, 'title', 18, 26),
    margin: [0, 0, 0, spec.subtitle ? 2 : 6],
    ...(opts.id ? { id: opts.id } : {}),
    ...opts.titleProps,
  } as Content);
  if (spec.subtitle) out.push({ text: spec.subtitle, ...small, fontSize: SIZE.xiaosi, alignment: 'center', margin: [0, 0, 0, 6] });
  if (spec.label) out.push({ text: spec.label, ...small, alignment: 'right', margin: [0, 0, 0, 2] });
  if (spec.meta) {
    out.push({
      columns: [
        { text: spec.meta.left, alignment: 'left', width: '*' },
        { text: spec.meta.center, alignment: 'center', width: 'auto' },
        { text: spec.meta.right, alignment: 'right', width: '*' },
      ],
      columnGap: 8,
      ...small,
      margin: [0, 0, 0, 3],
    } as Content);
  }

  const widths = columnWidths(spec, opts.width);
  const pitch = size * 1.25;
  const offsets = headerOffsets(spec.header, widths, fonts, size, pitch);
  const header = spec.header.map((r, i) => r.cells.map((c, j) => cellContent(c, fonts, size, offsets[i]![j])));
  const body = spec.body.map((r) => r.cells.map((c) => cellContent(c, fonts, size)));
  out.push({
    table: {
      widths,
      headerRows: spec.header.length,
      // A repeated header never ends a page alone; a row never splits across pages.
      ...(spec.header.length ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      body: [...header, ...body],
    },
    layout: GRID_LAYOUT,
    font: f.body,
    fontSize: size,
    lineHeight: lineHeightFor(fonts, 'body', size, pitch),
  } as Content);

  if (spec.notes.length) {
    // Notes after the first hang under “注：”, as on the printed forms.
    const hang = spec.notes[0]!.startsWith('注：') ? 2 * SIZE.xiaowu : 0;
    out.push({
      stack: spec.notes.map((n, i) => ({ text: n, margin: [i === 0 ? 0 : hang, 0, 0, 0] as Margins })),
      font: f.body,
      fontSize: SIZE.xiaowu,
      lineHeight: lineHeightFor(fonts, 'body', SIZE.xiaowu, SIZE.xiaowu * 1.5),
      margin: [0, 4, 0, 0],
    });
  }
  return out;
}
