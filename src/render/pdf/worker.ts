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
import { runWidth, type Role } from '../../fonts/index.ts';
import { fontSet } from './engine.ts';
import { renderPdf } from './index.ts';
import { SIZE } from './style.ts';

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

/**
 * Text that makes fontkit read the tables every layout uses (cmap, metrics, the substitution and
 * positioning lookups, the `halt` feature's), which it reads only on first use: read now, while the
 * thread waits for its first document. Whatever is read gives the same widths and glyphs later.
 */
const WARM_UP = '一般公共预算财政拨款收入支出决算表，。、；：（）“”《》0123456789.,%';

const root = (workerData as { root?: string } | undefined)?.root;
try {
  // pdfmake, its patch and the fonts (read, installed in pdfmake's file system), before the first job.
  const fonts = fontSet(root);
  for (const role of Object.keys(fonts.family) as Role[]) {
    runWidth(WARM_UP, role, SIZE.san, fonts);
    runWidth(WARM_UP, role, SIZE.san, fonts, ['halt']);
  }
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
