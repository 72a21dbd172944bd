/**
 * Tables as keyed cells. A 公开表 cell that holds a figure carries `ref` (row code or line, column key,
 * labels as printed, and the comparable figure it shows); flattening a table into `${table}|${row}|${column}`
 * keys lets two models be joined by what a cell *is*, not by where it was drawn, so an inserted row does
 * not shift every cell below it.
 */
import { D, type Dec } from '../decimal.ts';
import type { CellValue } from '../model/table-spec.ts';
import { cellText } from '../model/format.ts';
import type { CellData, ReportData, TableData } from '../model/report.ts';

export interface TableInfo {
  id: string;
  /** 公开02表 收入决算表 — how a reader names the table. */
  name: string;
}

export interface FlatCell {
  table: TableInfo;
  key: string;
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  figure?: string;
  kind: 'amount' | 'count';
  /** Exact decimal text, or null for a blank cell (blank and 0.00 are different on the page). */
  value: string | null;
  /** Position in the table, to list changes in reading order. */
  order: number;
}

/**
 * 公开02表 收入决算表; a form (no label) is named by its title and what it is about, taken from its id
 * (self-evaluation:劳动竞赛 → 项目支出绩效自评表（劳动竞赛）), since several forms share one title.
 */
export function tableName(t: Pick<TableData, 'id' | 'label' | 'title'>): string {
  if (t.label) return `${t.label} ${t.title}`;
  const about = t.id.includes(':') ? t.id.slice(t.id.indexOf(':') + 1) : '';
  return about ? `${t.title}（${about}）` : t.title;
}

export const cellKey = (tableId: string, row: string, column: string) => `${tableId}|${row}|${column}`;

/** The figures of one table, in reading order (row by row, left to right). */
export function flattenTable(table: TableData): FlatCell[] {
  const info: TableInfo = { id: table.id, name: tableName(table) };
  const out: FlatCell[] = [];
  for (const row of table.body) {
    for (const cell of row.cells) {
      if (!cell?.ref) continue;
      const v = cell.value;
      if (v.kind !== 'amount' && v.kind !== 'count') continue;
      const r = cell.ref;
      out.push({
        table: info,
        key: cellKey(table.id, r.row, r.column),
        row: r.row,
        column: r.column,
        rowLabel: r.rowLabel,
        columnLabel: r.columnLabel,
        ...(r.figure ? { figure: r.figure } : {}),
        kind: v.kind,
        value: v.value === null ? null : String(v.value),
        order: out.length,
      });
    }
  }
  return out;
}

/** Every figure cell of a report's 公开表, keyed. A key seen twice is a model bug: fail loudly. */
export function flattenReport(report: ReportData): Map<string, FlatCell> {
  const cells = new Map<string, FlatCell>();
  for (const table of report.tables) {
    for (const c of flattenTable(table)) {
      if (cells.has(c.key)) throw new Error(`表格单元键重复：${c.key}`);
      cells.set(c.key, c);
    }
  }
  return cells;
}

/** The value a cell stands for in arithmetic: blank counts as zero (as the narrative reads it). */
export function cellDec(value: string | null): Dec {
  return D(value ?? '0');
}

/** How a row is named in a report: its code and name, or its line number (行次) and name. */
export function rowName(c: Pick<FlatCell, 'row' | 'rowLabel'>): string {
  const line = /^r(\d+)$/.exec(c.row);
  if (line) return `行次${line[1]} ${c.rowLabel}`.trim();
  // Codes (2012901, 30103) are shown; internal keys (total, personnel) are not.
  if (!/^\d+$/.test(c.row) || c.rowLabel.startsWith(c.row)) return c.rowLabel;
  return `${c.row} ${c.rowLabel}`;
}

/** The text of a table as lines a reader sees, for tables (forms) whose cells carry no `ref`. */
export function tableTextLines(table: TableData): string[] {
  const lines: string[] = [];
  for (const row of [...table.header, ...table.body]) {
    const text = row.cells
      .filter((c): c is CellData => c !== null)
      .map((c) => cellText(toCellValue(c.value)))
      .filter(Boolean)
      .join(' ');
    if (text) lines.push(text);
  }
  return lines;
}

/** A cell value from JSON back to the model's form (exact strings → Dec), so the one formatter prints it. */
export function toCellValue(v: CellData['value']): CellValue {
  switch (v.kind) {
    case 'amount':
    case 'plain':
    case 'percent':
      return { kind: v.kind, value: v.value === null ? null : D(v.value) };
    default:
      return v;
  }
}

/** The parts of a table that are text around the grid (title, unit line, notes). */
export function tableFrameLines(table: TableData): { label: string; text: string }[] {
  const lines: { label: string; text: string }[] = [{ label: '标题', text: table.title }];
  if (table.subtitle) lines.push({ label: '副标题', text: table.subtitle });
  if (table.meta) lines.push({ label: '表头', text: `${table.meta.left} ${table.meta.center} ${table.meta.right}` });
  table.notes.forEach((n) => lines.push({ label: '注', text: n }));
  return lines;
}
