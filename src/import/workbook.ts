/**
 * A workbook as the importer reads it: each sheet a sparse grid of plain cell values (number, text,
 * blank, error), with merged ranges resolved — a cell covered by a merge is blank as data but shows its
 * master's text as a header label, as a reader sees it. ExcelJS reads the file (after guard.ts); nothing
 * else of ExcelJS leaks out of this module.
 */
import ExcelJS from 'exceljs';
import { checkWorkbookBytes } from './guard.ts';
import { refuse } from './problems.ts';

/** A 公开表 has tens of rows (公开06 about 35); stacked, ten tables are a few hundred. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 100;

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'error'; value: string }
  /** A formula whose result the file does not hold (saved by a program that does not calculate). */
  | { kind: 'formula'; value: string }
  | { kind: 'date'; value: string };

export interface Cell {
  value: CellValue;
  /** Set when a merge covers this cell: the master's row and column. */
  master?: [number, number];
}

export interface Sheet {
  name: string;
  rows: number;
  cols: number;
  /** row → col → cell (1-based); only cells that hold something or are covered by a merge. */
  cells: Map<number, Map<number, Cell>>;
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.cells.get(row)?.get(col);
}

/** The value of a cell as data: none for a blank cell or one covered by another cell's merge. */
export function dataAt(sheet: Sheet, row: number, col: number): CellValue | undefined {
  const cell = cellAt(sheet, row, col);
  return cell && !cell.master ? cell.value : undefined;
}

/** The text a reader sees at a position: a merged range shows its master's text everywhere. */
export function textAt(sheet: Sheet, row: number, col: number): string {
  const cell = cellAt(sheet, row, col);
  if (!cell) return '';
  const shown = cell.master ? cellAt(sheet, cell.master[0], cell.master[1]) : cell;
  return shown ? textOf(shown.value) : '';
}

export function textOf(v: CellValue): string {
  return v.kind === 'number' ? String(v.value) : v.value;
}

function convert(raw: unknown): CellValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'number') return { kind: 'number', value: raw };
  if (typeof raw === 'string') return raw === '' ? undefined : { kind: 'text', value: raw };
  if (typeof raw === 'boolean') return { kind: 'text', value: raw ? 'TRUE' : 'FALSE' };
  if (raw instanceof Date) return { kind: 'date', value: raw.toISOString().slice(0, 10) };
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (Array.isArray(o.richText)) return convert((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
    if ('error' in o) return { kind: 'error', value: String(o.error) };
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result === undefined || o.result === null) return { kind: 'formula', value: `=${String(o.formula ?? o.sharedFormula)}` };
      return convert(o.result);
    }
    if ('text' in o) return convert(o.text);
  }
  return { kind: 'text', value: String(raw) };
}

/** Reads an .xlsx into grids; every refusal names the file (`what`). */
export async function readWorkbook(bytes: Buffer, what: string): Promise<Sheet[]> {
  checkWorkbookBytes(bytes, what);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch (err) {
    refuse(`${what}无法作为 Excel 工作簿读取（${(err as Error).message.slice(0, 120)}）。请用 Excel 或 WPS 打开后重新保存为 .xlsx 再导入`);
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const cells = new Map<number, Map<number, Cell>>();
    let rows = 0;
    let cols = 0;
    let count = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (++count > MAX_ROWS) refuse(`工作表「${ws.name}」有 ${MAX_ROWS} 行以上的内容，不像公开表（每表几十行）；请检查是否选错了文件`);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > MAX_COLUMNS) refuse(`工作表「${ws.name}」第 ${r} 行有超过 ${MAX_COLUMNS} 栏的内容，不像公开表；请检查是否选错了文件`);
        const isSlave = cell.isMerged && cell.master.address !== cell.address;
        const value = isSlave ? undefined : convert(cell.value);
        if (!value && !isSlave) return;
        let line = cells.get(r);
        if (!line) cells.set(r, (line = new Map()));
        line.set(
          c,
          isSlave ? { value: { kind: 'text', value: '' }, master: [Number(cell.master.row), Number(cell.master.col)] } : { value: value! },
        );
        rows = Math.max(rows, r);
        cols = Math.max(cols, c);
      });
    });
    sheets.push({ name: ws.name, rows, cols, cells });
  }
  if (!sheets.some((s) => s.rows > 0)) refuse(`${what}中没有任何内容`);
  return sheets;
}
