/**
 * The workbook rendered off the main thread when the CLI runs from its bundle (src/run.mjs builds
 * worker.mjs next to it); elsewhere (tests, tsx) it is rendered in-process. Same function, same bytes.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TableSpec } from '../../model/table-spec.ts';
import type { WorkbookMeta } from './index.ts';

export function renderWorkbookInBackground(tables: TableSpec[], meta: WorkbookMeta): Promise<Buffer> {
  const worker = new URL('./worker.mjs', import.meta.url);
  if (!import.meta.url.endsWith('.mjs') || !existsSync(worker)) {
    return import('./index.ts').then((m) => m.renderWorkbook(tables, meta));
  }
  return new Promise((resolve, reject) => {
    const w = new Worker(worker, { workerData: { tables: JSON.stringify(tables), meta } });
    w.once('message', (m: { bytes?: Uint8Array; error?: string }) => {
      if (m.bytes) resolve(Buffer.from(m.bytes));
      else reject(new Error(m.error ?? '工作簿生成失败'));
      void w.terminate();
    });
    w.once('error', reject);
  });
}
