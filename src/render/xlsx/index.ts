/** Workbook renderer — being built (issue 4). */
import type { TableSpec } from '../../model/table-spec.ts';

export interface WorkbookMeta {
  title: string;
  author: string;
  /** ISO date from the data (never the clock). */
  date: string;
}

export async function renderWorkbook(tables: TableSpec[], meta: WorkbookMeta): Promise<Buffer> {
  throw new Error(`工作簿渲染尚未实现：${meta.title}（${tables.length} 张表）`);
}
