/** Renders a year file's 公开表 workbook and reads it back, for the workbook tests. */
import ExcelJS from 'exceljs';
import { buildTables } from '../../src/model/tables.ts';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderWorkbook, type WorkbookMeta } from '../../src/render/xlsx/index.ts';

export const DATE = '2025-09-30';

export function tablesFor(file: string): { tables: TableSpec[]; meta: WorkbookMeta } {
  const calc = loadYear(file).value?.calc;
  if (!calc || calc.kind !== 'disclosure') throw new Error(`${file}: not a disclosure year`);
  const title = `${calc.department}${calc.year}年度部门决算公开表`;
  return { tables: buildTables(calc), meta: { title, author: calc.department, date: DATE } };
}

export async function renderYear(file: string) {
  const { tables, meta } = tablesFor(file);
  return { tables, meta, buffer: await renderWorkbook(tables, meta) };
}

export async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  return wb;
}

/** The sheet row of the first header row: title, then the optional subtitle, label and meta lines. */
export function headerTop(spec: TableSpec): number {
  return 2 + (spec.subtitle ? 1 : 0) + (spec.label ? 1 : 0) + (spec.meta ? 1 : 0);
}

/** 'A1' style address from 1-based row and column. */
export function address(row: number, col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** Every span of the spec's grid (header and body) as the range the sheet should merge. */
export function gridMerges(spec: TableSpec): string[] {
  const top = headerTop(spec);
  const merges: string[] = [];
  [...spec.header, ...spec.body].forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      const rs = cell?.rowSpan ?? 1;
      const cs = cell?.colSpan ?? 1;
      if (cell && (rs > 1 || cs > 1)) merges.push(`${address(top + i, c + 1)}:${address(top + i + rs - 1, c + cs)}`);
    }),
  );
  return merges;
}
