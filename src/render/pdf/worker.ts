/**
 * Entry of the thread that lays out a cold build's PDFs (background.ts). It is started when the build
 * starts and loads pdfmake and the fonts at once, while the main thread reads and checks the year file
 * and builds the model; then it renders each document it is sent, one after another.
 *
 * A document crosses the thread boundary as JSON: its table cells' decimals as exact strings (Decimal
 * toJSON), revived here as the workbook's tables were.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentModel } from '../../model/document.ts';
import { reviveTables } from '../../model/table-spec.ts';
import { fontSet } from './engine.ts';
import { renderPdf } from './index.ts';

export interface PdfJob {
  id: number;
  /** JSON of the DocumentModel. */
  doc: string;
}

export type PdfReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** The document as the main thread built it: JSON with the table cells' decimals revived. */
export function reviveDocument(json: string): DocumentModel {
  const doc = JSON.parse(json) as DocumentModel;
  const blocks = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
  const tables = reviveTables(JSON.stringify(blocks.map((b) => b.table)));
  blocks.forEach((b, i) => (b.table = tables[i]!));
  return doc;
}

const root = (workerData as { root?: string } | undefined)?.root;
try {
  // pdfmake, its patch and the fonts (read, installed in pdfmake's file system), before the first job.
  fontSet(root);
} catch {
  // A font that cannot be read is reported by the render that needs it.
}

// One document at a time, in the order sent, as a build in one thread renders them.
let queue = Promise.resolve();
parentPort!.on('message', (job: PdfJob) => {
  queue = queue.then(() =>
    renderPdf(reviveDocument(job.doc), root === undefined ? {} : { root }).then(
      (bytes) => parentPort!.postMessage({ id: job.id, bytes } satisfies PdfReply),
      (err: unknown) => parentPort!.postMessage({ id: job.id, error: (err as Error)?.message ?? String(err) } satisfies PdfReply),
    ),
  );
});
