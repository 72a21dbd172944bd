/**
 * A TableSpec as pdfmake content: title, subtitle, 公开NN表 label, the 部门/年度/单位 line, the grid and
 * its notes. The spec is shared with the workbook, so nothing is reinterpreted here: spans, alignment,
 * bold and indent come from the spec, cell text from cellText() (model/format.ts); a 公开表's column
 * widths and every cell's line breaks come from the content (table-layout.ts).
 *
 * A table on a page of its own is fitted to it: when it does not fit as designed, the rows are set
 * tighter and then a font step smaller (FITS), as long as that makes it fit; a table too long even so
 * is split over as many pages as it needs, the rows shared evenly between them, each continuation
 * headed by 「公开04表（续）」 and the header rows. The notes stay with the last rows.
 */
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import { lineHeightPt, type FontSet, type Role } from '../../fonts/index.ts';
import { cellText } from '../../model/format.ts';
import type { Cell, TableSpec } from '../../model/table-spec.ts';
import { lineHeightFor, SIZE } from './style.ts';
import { textLines } from './lines.ts';
import { allocate, cellLines, cellRoom, LINE, measureColumns, PAD_X, proportional } from './table-layout.ts';

const NUMERIC = new Set(['amount', 'plain', 'percent', 'count']);
/** Type size of a table whose spec names none. */
export const TABLE_SIZE = 9;

/** A way of setting the rows: font size, line pitch (in em) and the padding above and below a line. */
export interface Setting {
  size: number;
  pitch: number;
  padY: number;
}

/** As designed, then tighter rows, then a font step smaller: tried in turn until a table fits its page. */
export const FITS: ((size: number) => Setting)[] = [
  (size) => ({ size, pitch: 1.25, padY: 1.25 }),
  (size) => ({ size, pitch: 1.25, padY: 0.5 }),
  (size) => ({ size, pitch: 1.15, padY: 0.5 }),
  (size) => ({ size: size - 0.5, pitch: 1.15, padY: 0.5 }),
  (size) => ({ size: size - 1, pitch: 1.15, padY: 0.5 }),
];

/** Thin black rules on every cell, as the printed forms have. */
function gridLayout(padY: number): CustomTableLayout {
  return {
    hLineWidth: () => LINE,
    vLineWidth: () => LINE,
    paddingLeft: () => PAD_X,
    paddingRight: () => PAD_X,
    paddingTop: () => padY,
    paddingBottom: () => padY,
  };
}

export interface TableOptions {
  fonts: FontSet;
  /** Width of the page's text area. */
  width: number;
  /**
   * Height of the page's text area when the table starts a page of its own (then it is fitted to the
   * page, or split evenly); undefined when it follows other content and simply flows.
   */
  pageHeight?: number;
  /** The publication's widest amount in em: every amount column can print it. */
  figureEm?: number;
  /** Destination id of the title (for the TOC and bookmarks). */
  id?: string;
  /** Extra properties for the title node (bookmark). */
  titleProps?: Record<string, unknown>;
}

/** A table set at one setting: its widths, each cell's lines, row heights. */
export interface LaidTable {
  setting: Setting;
  widths: number[];
  lines: (string[] | null)[][];
  heights: number[];
  /** Height of one text line as pdfmake sets it. */
  line: number;
}

const roleOf = (cell: Cell): Role => (cell.bold ? 'bodyBold' : 'body');

/** The table set as designed (or at `setting`): widths, each cell's lines, row heights. */
export function setTable(spec: TableSpec, o: TableOptions, setting: Setting = FITS[0]!(spec.fontSize ?? TABLE_SIZE)): LaidTable {
  const { fonts } = o;
  const { size } = setting;
  // A 公开表's columns are as wide as their content asks; a form inside the text keeps its design.
  const widths = spec.label
    ? allocate(spec, measureColumns(spec, size, fonts, (o.figureEm ?? 0) * size), o.width)
    : proportional(spec, o.width);
  const rows = [...spec.header, ...spec.body];
  const lines = rows.map((row, r) =>
    row.cells.map((cell, col) =>
      cell ? cellLines(cellText(cell.value), cellRoom(cell, widths, col, size), roleOf(cell), size, fonts, r < spec.header.length) : null,
    ),
  );
  const line = lineHeightPt(fonts, 'body', size, lineHeightFor(fonts, 'body', size, size * setting.pitch));
  // Row heights as pdfmake makes them: the tallest one-row cell, and a cell spanning rows growing the
  // last row it spans when the rows are not tall enough for it.
  const gap = 2 * setting.padY + LINE;
  const heights = rows.map(
    (row, r) => Math.max(line, ...row.cells.map((c, i) => (c && (c.rowSpan ?? 1) === 1 ? lines[r]![i]!.length * line : 0))) + gap,
  );
  rows.forEach((row, r) =>
    row.cells.forEach((c, i) => {
      const span = Math.min(c?.rowSpan ?? 1, rows.length - r);
      if (!c || span < 2) return;
      const have = heights.slice(r, r + span).reduce((a, b) => a + b, 0);
      heights[r + span - 1]! += Math.max(0, lines[r]![i]!.length * line + gap - have);
    }),
  );
  return { setting, widths, lines, heights, line };
}

/** A cell for pdfmake: its lines, each whole on its line (noWrap), one inline per line. */
function cellContent(cell: Cell | null, lines: string[] | null, fonts: FontSet, size: number, top?: number): TableCell {
  // A position covered by a row or column span: pdfmake wants an empty placeholder there.
  if (!cell || !lines) return {};
  const numeric = NUMERIC.has(cell.value.kind);
  const out: Record<string, unknown> =
    lines.length === 1 ? { text: lines[0], noWrap: true } : { stack: lines.map((l) => ({ text: l, noWrap: true })) };
  out.alignment = cell.align ?? (numeric ? 'right' : 'left');
  // Body cells are centred vertically by pdfmake; header cells get an explicit top offset instead,
  // because pdfmake misplaces row-spanning cells of repeated header rows (pdfmake#2925), and the
  // 公开表 headers are full of them.
  if (top === undefined) out.verticalAlignment = 'middle';
  if (cell.bold) out.font = fonts.family.bodyBold;
  if (cell.colSpan && cell.colSpan > 1) out.colSpan = cell.colSpan;
  if (cell.rowSpan && cell.rowSpan > 1) out.rowSpan = cell.rowSpan;
  if (cell.indent || top) out.margin = [(cell.indent ?? 0) * size, top ?? 0, 0, 0];
  return out as TableCell;
}

/** Top offsets that centre each header cell in the rows it spans. */
function headerOffsets(spec: TableSpec, set: LaidTable): (number | undefined)[][] {
  const gap = 2 * set.setting.padY + LINE;
  return spec.header.map((row, r) =>
    row.cells.map((c, i) => {
      if (!c) return undefined;
      const span = Math.min(c.rowSpan ?? 1, spec.header.length - r);
      const room = set.heights.slice(r, r + span).reduce((a, b) => a + b, 0) - gap;
      return Math.max(0, (room - set.lines[r]![i]!.length * set.line) / 2);
    }),
  );
}

function grid(spec: TableSpec, set: LaidTable, o: TableOptions, from: number, to: number): Content {
  const f = o.fonts.family;
  const { size } = set.setting;
  const offsets = headerOffsets(spec, set);
  const header = spec.header.map((r, i) => r.cells.map((c, j) => cellContent(c, set.lines[i]![j]!, o.fonts, size, offsets[i]![j])));
  const body = spec.body
    .slice(from, to)
    .map((r, i) => r.cells.map((c, j) => cellContent(c, set.lines[spec.header.length + from + i]![j]!, o.fonts, size)));
  return {
    table: {
      widths: set.widths,
      headerRows: spec.header.length,
      // A repeated header never ends a page alone; a row never splits across pages.
      ...(spec.header.length ? { keepWithHeaderRows: 1 } : {}),
      dontBreakRows: true,
      body: [...header, ...body],
    },
    layout: gridLayout(set.setting.padY),
    font: f.body,
    fontSize: size,
    lineHeight: lineHeightFor(o.fonts, 'body', size, size * set.setting.pitch),
  } as Content;
}

/** The title, subtitle, label and 部门/年度/单位 line, with the height they take. */
function heading(spec: TableSpec, o: TableOptions): { content: Content[]; height: number } {
  const { fonts } = o;
  const f = fonts.family;
  const smallLine = lineHeightPt(fonts, 'body', SIZE.wu, 1);
  const titleLine = lineHeightFor(fonts, 'title', 18, 26);
  const title = textLines(
    spec.title,
    'title',
    { font: f.title, fontSize: 18, alignment: 'center', lineHeight: titleLine },
    { fonts, width: o.width },
    { ...(o.id ? { id: o.id } : {}), ...o.titleProps },
  );
  const content: Content[] = [{ stack: title, margin: [0, 0, 0, spec.subtitle ? 2 : 6] } as unknown as Content];
  let height = title.length * lineHeightPt(fonts, 'title', 18, titleLine) + (spec.subtitle ? 2 : 6);
  if (spec.subtitle) {
    const lines = textLines(spec.subtitle, 'body', { font: f.body, fontSize: SIZE.xiaosi, alignment: 'center' }, { fonts, width: o.width });
    content.push({ stack: lines, margin: [0, 0, 0, 6] } as unknown as Content);
    height += lines.length * lineHeightPt(fonts, 'body', SIZE.xiaosi, 1) + 6;
  }
  if (spec.label) {
    content.push({ text: spec.label, noWrap: true, font: f.body, fontSize: SIZE.wu, alignment: 'right', margin: [0, 0, 0, 2] });
    height += smallLine + 2;
  }
  if (spec.meta) {
    content.push({
      columns: [
        { text: spec.meta.left, alignment: 'left', width: '*', noWrap: true },
        { text: spec.meta.center, alignment: 'center', width: 'auto', noWrap: true },
        { text: spec.meta.right, alignment: 'right', width: '*', noWrap: true },
      ],
      columnGap: 8,
      font: f.body,
      fontSize: SIZE.wu,
      margin: [0, 0, 0, 3],
    } as Content);
    height += smallLine + 3;
  }
  return { content, height };
}

/** The line heading a continuation page: 「公开04表（续）」. */
function continuation(spec: TableSpec, o: TableOptions): { content: Content; height: number } {
  return {
    content: {
      text: `${spec.label ?? spec.title}（续）`,
      noWrap: true,
      font: o.fonts.family.body,
      fontSize: SIZE.wu,
      alignment: 'right',
      margin: [0, 0, 0, 2],
    },
    height: lineHeightPt(o.fonts, 'body', SIZE.wu, 1) + 2,
  };
}

const NOTE_PITCH = 1.5;

function notes(spec: TableSpec, o: TableOptions): { content?: Content; height: number } {
  if (!spec.notes.length) return { height: 0 };
  const { fonts } = o;
  // Notes after the first hang under “注：”, as on the printed forms.
  const hang = spec.notes[0]!.startsWith('注：') ? 2 * SIZE.xiaowu : 0;
  const lineHeight = lineHeightFor(fonts, 'body', SIZE.xiaowu, SIZE.xiaowu * NOTE_PITCH);
  const lines = spec.notes.flatMap((n, i) =>
    textLines(n, 'body', { font: fonts.family.body, fontSize: SIZE.xiaowu, lineHeight }, { fonts, width: o.width, left: i ? hang : 0 }),
  );
  return {
    content: { stack: lines, margin: [0, 4, 0, 0] } as unknown as Content,
    height: 4 + lines.length * lineHeightPt(fonts, 'body', SIZE.xiaowu, lineHeight),
  };
}

/** Room the rule lines and rounding may take beyond the sums of row heights. */
const SLACK = 2;

/**
 * Rows per page, evenly: the fewest pages the rows need (the notes on the last), the rows then shared
 * so that the fullest page is as empty as it can be. Returns the body row each page starts at, and the
 * end; undefined when the notes cannot follow the last rows on any page.
 */
function pages(set: LaidTable, headerRows: number, rooms: { first: number; next: number; notes: number }): number[] | undefined {
  const header = set.heights.slice(0, headerRows).reduce((a, b) => a + b, 0) + LINE;
  const rows = set.heights.slice(headerRows);
  const capacity = (page: number) => (page === 0 ? rooms.first : rooms.next) - header;
  /** Greedy pages of at most `limit` of rows each; the last page's use. */
  const split = (limit: number) => {
    const starts = [0];
    let used = 0;
    rows.forEach((h, i) => {
      if (used && used + h > Math.min(limit, capacity(starts.length - 1))) {
        starts.push(i);
        used = 0;
      }
      used += h;
    });
    return { starts: [...starts, rows.length], last: used, fits: used + rooms.notes <= capacity(starts.length - 1) };
  };
  const fewest = split(Number.POSITIVE_INFINITY).starts.length - 1;
  for (let count = fewest; count <= fewest + 1; count++) {
    let lo = 0;
    let hi = Math.max(capacity(0), capacity(1));
    if (split(hi).starts.length - 1 > count) continue;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (split(mid).starts.length - 1 <= count) hi = mid;
      else lo = mid;
    }
    const even = split(hi);
    if (even.fits) return even.starts;
  }
  return undefined;
}

export function tableContent(spec: TableSpec, o: TableOptions): Content[] {
  const base = spec.fontSize ?? TABLE_SIZE;
  const head = heading(spec, o);
  const tail = notes(spec, o);
  if (o.pageHeight === undefined) {
    const set = setTable(spec, o);
    return [...head.content, grid(spec, set, o, 0, spec.body.length), ...(tail.content ? [tail.content] : [])];
  }
  const room = o.pageHeight - SLACK;
  // On one page, as designed or a little tighter.
  for (const fit of FITS) {
    const set = setTable(spec, o, fit(base));
    const height = head.height + set.heights.reduce((a, b) => a + b, 0) + LINE + tail.height;
    if (height <= room) return [...head.content, grid(spec, set, o, 0, spec.body.length), ...(tail.content ? [tail.content] : [])];
  }
  // Over several pages, as designed, the rows shared evenly.
  const set = setTable(spec, o);
  const cont = continuation(spec, o);
  const starts = pages(set, spec.header.length, { first: room - head.height, next: room - cont.height, notes: tail.height });
  if (!starts) return [...head.content, grid(spec, set, o, 0, spec.body.length), ...(tail.content ? [tail.content] : [])];
  const out: Content[] = [...head.content];
  for (let p = 0; p + 1 < starts.length; p++) {
    const part = grid(spec, set, o, starts[p]!, starts[p + 1]!);
    out.push(p === 0 ? part : { stack: [cont.content, part], pageBreak: 'before' });
  }
  if (tail.content) out.push(tail.content);
  return out;
}
