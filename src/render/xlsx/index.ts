/**
 * The 公开表 workbook: one worksheet per TableSpec, the same specs the PDF renderer draws, so the two
 * outputs cannot disagree. Dates come from the data, never the clock, so the bytes are reproducible.
 */
import ExcelJS from 'exceljs';
import type { TableSpec } from '../../model/table-spec.ts';
import { addTableSheet } from './sheet.ts';
import { pinZipDates } from './zip.ts';

export interface WorkbookMeta {
  title: string;
  author: string;
  /** ISO date from the data (never the clock). */
  date: string;
}

export async function renderWorkbook(tables: TableSpec[], meta: WorkbookMeta): Promise<Buffer> {
  const date = new Date(meta.date);
  if (Number.isNaN(date.getTime())) throw new Error(`工作簿日期无效：“${meta.date}”（应为 ISO 日期，如 2025-09-30）`);

  const wb = new ExcelJS.Workbook();
  wb.created = date;
  wb.modified = date;
  wb.lastPrinted = date;
  wb.title = meta.title;
  wb.subject = '部门决算公开表';
  wb.creator = meta.author;
  wb.lastModifiedBy = meta.author;
  wb.company = meta.author;
  wb.category = '部门决算';
  wb.keywords = '部门决算;公开表';
  wb.description = `${meta.title}（${tables.map((t) => t.label ?? t.title).join('、')}）`;
  // ExcelJS writes dc:language but its typings omit the property.
  Object.assign(wb, { language: 'zh-CN' });

  for (const spec of tables) addTableSheet(wb, spec);
  return pinZipDates(await wb.xlsx.writeBuffer(), date);
}
