/**
 * Entry of the worker thread that renders the workbook while the main thread lays out the PDF (the
 * machine has two cores; the workbook's ExcelJS import alone takes half a second). See background.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reviveTables } from '../../model/table-spec.ts';
import { renderWorkbook, type WorkbookMeta } from './index.ts';

const { tables, meta } = workerData as { tables: string; meta: WorkbookMeta };
renderWorkbook(reviveTables(tables), meta).then(
  (bytes) => parentPort!.postMessage({ bytes }),
  (err: unknown) => parentPort!.postMessage({ error: (err as Error).message }),
);
