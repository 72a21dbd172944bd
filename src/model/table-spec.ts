/**
 * One description of a table, consumed by both the PDF and the Excel renderer, so the two cannot
 * disagree (beancount's `Table`: an intermediate state between the data and each output format).
 * Cells hold values, not formatted text: the PDF prints `11,953.82`, the workbook stores the number with
 * format `#,##0.00`. A blank amount (null) stays blank in both.
 */
import { D, type Dec } from '../decimal.ts';

export type CellValue =
  | { kind: 'text'; text: string }
  /** A classification code: text, so the workbook keeps it as typed. */
  | { kind: 'code'; text: string }
  | { kind: 'amount'; value: Dec | null }
  /** A natural amount as the department wrote it (3100, 1964.5) in performance tables. */
  | { kind: 'plain'; value: Dec | null }
  | { kind: 'percent'; value: Dec | null }
  | { kind: 'count'; value: number | null }
  /** “——”: the cell does not apply (公开09 rows that have no budget). */
  | { kind: 'dash' }
  | { kind: 'empty' };

export interface Cell {
  value: CellValue;
  colSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Indent steps for names under a heading (款 under 类, …). */
  indent?: number;
  /** What the cell is, for “what changed” reports: a stable key plus the labels a reader sees. */
  ref?: CellRef;
}

export interface CellRef {
  /** Stable across builds and years: the row code or line number, and the column key. */
  row: string;
  column: string;
  /** As printed: the row's name (with its code) and the column header. */
  rowLabel: string;
  columnLabel: string;
  /**
   * The comparable figure this cell shows (calc/index.ts comparableFigures), when there is one: how a
   * year-over-year diff finds the value in a partial prior-year file that has no tables.
   */
  figure?: string;
}

/** A grid row: exactly one entry per column; `null` where a span from another cell covers it. */
export interface TableRow {
  cells: (Cell | null)[];
  kind: 'header' | 'total' | 'class' | 'kuan' | 'item' | 'line' | 'footer';
}

export interface ColumnSpec {
  key: string;
  /** Relative width (the renderers scale to the page). */
  width: number;
}

export interface TableSpec {
  id: string;
  /** e.g. 公开01表 */
  label?: string;
  title: string;
  subtitle?: string;
  /** The 部门 / 年度 / 单位 line above the grid. */
  meta?: { left: string; center: string; right: string };
  orientation: 'portrait' | 'landscape';
  columns: ColumnSpec[];
  /** Repeated at the top of every page the table runs onto. */
  header: TableRow[];
  body: TableRow[];
  notes: string[];
  /** Worksheet name when the table goes to the workbook (Excel allows 31 characters). */
  sheetName?: string;
  /** Columns frozen at the left of the worksheet. */
  frozenColumns?: number;
  fontSize?: number;
}

// ─── Small constructors, so table builders read like the table ────────────────────────────────────

export const text = (t: string, opts: Omit<Cell, 'value'> = {}): Cell => ({ value: { kind: 'text', text: t }, ...opts });
export const code = (t: string, opts: Omit<Cell, 'value'> = {}): Cell => ({ value: { kind: 'code', text: t }, ...opts });
export const amount = (v: Dec | null, ref?: CellRef, opts: Omit<Cell, 'value' | 'ref'> = {}): Cell => ({
  value: { kind: 'amount', value: v },
  align: 'right',
  ...opts,
  ...(ref ? { ref } : {}),
});
export const plain = (v: Dec | null, opts: Omit<Cell, 'value'> = {}): Cell => ({
  value: { kind: 'plain', value: v },
  align: 'center',
  ...opts,
});
export const percentCell = (v: Dec | null, opts: Omit<Cell, 'value'> = {}): Cell => ({
  value: { kind: 'percent', value: v },
  align: 'center',
  ...opts,
});
export const count = (v: number | null, ref?: CellRef, opts: Omit<Cell, 'value' | 'ref'> = {}): Cell => ({
  value: { kind: 'count', value: v },
  align: 'right',
  ...opts,
  ...(ref ? { ref } : {}),
});
export const dash = (opts: Omit<Cell, 'value'> = {}): Cell => ({ value: { kind: 'dash' }, align: 'center', ...opts });
export const empty = (opts: Omit<Cell, 'value'> = {}): Cell => ({ value: { kind: 'empty' }, ...opts });

/** Places cells with spans into a full grid row, filling covered positions with null. */
export function row(kind: TableRow['kind'], cells: Cell[], width: number, covered: Set<number> = new Set()): TableRow {
  const out: (Cell | null)[] = [];
  for (const cell of cells) {
    while (covered.has(out.length)) out.push(null);
    out.push(cell);
    for (let s = 1; s < (cell.colSpan ?? 1); s++) out.push(null);
  }
  while (out.length < width) out.push(covered.has(out.length) ? null : empty());
  if (out.length !== width) throw new Error(`table row has ${out.length} cells, expected ${width}`);
  return { kind, cells: out };
}

/**
 * Builds header rows from a compact description where rowSpan cells cover the rows below them.
 * Each inner array lists the cells that start in that row, left to right.
 */
export function headerRows(width: number, rows: Cell[][]): TableRow[] {
  return grid(
    width,
    rows.map((cells) => ({ kind: 'header' as const, cells: cells.map((c) => ({ align: 'center' as const, ...c })) })),
  );
}

/** Lays out rows whose cells may span rows and columns (forms such as the 自评表). */
export function grid(width: number, rows: { kind: TableRow['kind']; cells: Cell[] }[]): TableRow[] {
  const coveredByRow: Set<number>[] = rows.map(() => new Set());
  const result: TableRow[] = [];
  rows.forEach(({ kind, cells }, r) => {
    const covered = coveredByRow[r]!;
    const built = row(kind, cells, width, covered);
    built.cells.forEach((cell, col) => {
      if (!cell) return;
      for (let dr = 1; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) coveredByRow[r + dr]?.add(col + dc);
      }
    });
    result.push(built);
  });
  return result;
}

/**
 * TableSpecs cross a thread boundary as JSON (decimals as exact strings, via Decimal#toJSON); this puts
 * the decimals back, so the workbook can be rendered in a worker while the PDF is laid out.
 */
export function reviveTables(json: string): TableSpec[] {
  const tables = JSON.parse(json) as TableSpec[];
  for (const t of tables) {
    for (const r of [...t.header, ...t.body]) {
      for (const c of r.cells) {
        const v = c?.value as { kind: string; value?: unknown } | undefined;
        if (v && (v.kind === 'amount' || v.kind === 'plain' || v.kind === 'percent') && typeof v.value === 'string') v.value = D(v.value);
      }
    }
  }
  return tables;
}
